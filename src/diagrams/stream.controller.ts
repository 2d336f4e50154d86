import { Controller, Get, Headers, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { AuthPrincipal } from '../auth/principal';
import { SignedIn } from '../auth/roles.decorator';
import { ApiProblems } from '../common/api-problems.decorator';
import { LiveStreams } from './live/live-streams';
import { parseStreamCursor } from './live/stream-cursor';

@ApiTags('diagrams')
@Controller('stream')
export class StreamController {
  constructor(private readonly streams: LiveStreams) {}

  @Get()
  @SignedIn()
  @ApiOperation({
    summary:
      'Server-sent events: each appended event (an enterprise gets its own projects only); heartbeat comments every 15 s',
  })
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description: 'The id of the last message received: the stream resumes after it without gaps (events of the few seconds before it may repeat, with the same id)',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description:
      'event: event-appended, data: the event as JSON. A stream opened without Last-Event-ID first sends an id-only message with its starting position, so a client dropped before any event still resumes without a gap',
  })
  @ApiProblems(422)
  async stream(
    @CurrentPrincipal() caller: AuthPrincipal,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const resume = lastEventId === undefined ? undefined : parseStreamCursor(lastEventId);
    await this.streams.start(caller, resume, res);
  }
}
