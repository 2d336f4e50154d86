import { Body, Controller, Get, Headers, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { AuthPrincipal } from '../auth/principal';
import { Roles, SignedIn } from '../auth/roles.decorator';
import { ApiProblems } from '../common/api-problems.decorator';
import { ProblemException } from '../common/problem';
import { requestIdFor } from '../common/request-id';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { CreateProjectCommand } from './commands/create-project/create-project.command';
import { SendEventCommand, type StoredResponse } from './commands/send-event/send-event.command';
import { CreateProjectDto, ListProjectsDto, SendEventDto } from './project.dtos';
import {
  AvailableEventView,
  ProjectEventView,
  ProjectPageView,
  ProjectView,
  TransitionView,
} from './project.views';
import { GetAvailableEventsQuery } from './queries/get-available-events/get-available-events.query';
import { GetProjectEventsQuery } from './queries/get-project-events/get-project-events.query';
import { GetProjectQuery } from './queries/get-project/get-project.query';
import { ListProjectsQuery } from './queries/list-projects/list-projects.query';
import { parseIdempotencyKey, parseIfMatch } from './request-headers';

const IDEMPOTENCY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description: 'Up to 255 characters; a repeat returns the first answer, kept at least 24 hours',
};

@ApiTags('projects')
@Controller('projects')
export class ProjectsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Roles('enterprise', 'bureau')
  @ApiOperation({
    summary: 'Start a project on a published definition (an enterprise for itself, the bureau for any)',
  })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiCreatedResponse({ type: ProjectView })
  @ApiProblems(400, 404, 413, 422)
  async create(
    @Body() dto: CreateProjectDto,
    @CurrentPrincipal() caller: AuthPrincipal,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const enterpriseId = owningEnterprise(caller, dto.enterpriseId);
    const command = new CreateProjectCommand(
      caller,
      dto.definition,
      dto.definitionVersion,
      dto.title,
      dto.data,
      enterpriseId,
      parseIdempotencyKey(idempotencyKey),
      requestIdFor(req, res),
    );
    send(res, await this.commands.execute(command));
  }

  @Get()
  @SignedIn()
  @ApiOperation({ summary: 'List projects (an enterprise sees its own); overdue=true is the risk list' })
  @ApiOkResponse({ type: ProjectPageView })
  @ApiProblems(422)
  list(@Query() dto: ListProjectsDto, @CurrentPrincipal() caller: AuthPrincipal): Promise<ProjectPageView> {
    const filters = {
      state: dto.state,
      enterpriseId: dto.enterprise,
      definition: dto.definition,
      overdue: dto.overdue,
      q: dto.q,
    };
    return this.queries.execute(new ListProjectsQuery(caller, filters, dto.limit ?? 20, dto.cursor));
  }

  @Get(':id')
  @SignedIn()
  @ApiOperation({ summary: 'A project: state, context, flags and deadlines; ETag is its version' })
  @ApiOkResponse({ type: ProjectView })
  @ApiProblems(404, 422)
  async get(
    @Param('id', new UuidParamPipe('id')) id: string,
    @CurrentPrincipal() caller: AuthPrincipal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProjectView> {
    const project = await this.queries.execute(new GetProjectQuery(caller, id));
    res.setHeader('ETag', `"${project.version}"`);
    return project;
  }

  @Post(':id/events')
  @Roles('enterprise', 'bureau', 'service', 'expert')
  @ApiOperation({ summary: 'Send a lifecycle event; the machine decides, the event is appended once' })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The ETag (version) you last saw; 412 when stale',
  })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOkResponse({ type: TransitionView })
  @ApiProblems(400, 404, 409, 412, 413, 422)
  async sendEvent(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() dto: SendEventDto,
    @CurrentPrincipal() caller: AuthPrincipal,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const command = new SendEventCommand(
      caller,
      id,
      dto.type,
      dto.payload ?? {},
      parseIfMatch(ifMatch),
      parseIdempotencyKey(idempotencyKey),
      requestIdFor(req, res),
    );
    send(res, await this.commands.execute(command));
  }

  @Get(':id/events')
  @SignedIn()
  @ApiOperation({ summary: 'The event stream of a project, with actor, time and state before and after' })
  @ApiOkResponse({ type: [ProjectEventView] })
  @ApiProblems(404, 422)
  events(
    @Param('id', new UuidParamPipe('id')) id: string,
    @CurrentPrincipal() caller: AuthPrincipal,
  ): Promise<ProjectEventView[]> {
    return this.queries.execute(new GetProjectEventsQuery(caller, id));
  }

  @Get(':id/available-events')
  @SignedIn()
  @ApiOperation({ summary: 'Events the caller may send now, with labels and payload schemas' })
  @ApiOkResponse({ type: [AvailableEventView] })
  @ApiProblems(404, 422)
  available(
    @Param('id', new UuidParamPipe('id')) id: string,
    @CurrentPrincipal() caller: AuthPrincipal,
  ): Promise<AvailableEventView[]> {
    return this.queries.execute(new GetAvailableEventsQuery(caller, id));
  }
}

/** An enterprise creates for itself and may not name another; the bureau must name one. */
function owningEnterprise(caller: AuthPrincipal, requested: string | undefined): string {
  if (caller.role === 'enterprise') {
    if (requested !== undefined && requested !== caller.enterpriseId) {
      throw ProblemException.validation([
        { path: '/enterpriseId', message: 'an enterprise creates projects for itself only' },
      ]);
    }
    return caller.enterpriseId ?? '';
  }
  if (requested === undefined)
    throw ProblemException.validation([
      { path: '/enterpriseId', message: 'is required when the bureau creates a project' },
    ]);
  return requested;
}

function send(res: Response, stored: StoredResponse): void {
  res
    .status(stored.status)
    .setHeader('ETag', `"${stored.version}"`)
    .type('application/json')
    .send(stored.body);
}
