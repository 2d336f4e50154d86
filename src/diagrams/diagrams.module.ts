import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/projects.module';
import { DefinitionDiagramsController } from './definition-diagrams.controller';
import { NotifyWhenEventAppended } from './events/notify-when-event-appended.handler';
import { EventFeed } from './live/event-feed';
import { LiveStreams, SSE_LIMITS } from './live/live-streams';
import { DEFAULT_SSE_LIMITS } from './live/sse-connection';
import { ProjectDiagramsController } from './project-diagrams.controller';
import { GetDefinitionDiagramHandler } from './queries/get-definition-diagram/get-definition-diagram.handler';
import { GetEventsAfterHandler } from './queries/get-events-after/get-events-after.handler';
import { GetProjectDiagramHandler } from './queries/get-project-diagram/get-project-diagram.handler';
import { GetStateCountsHandler } from './queries/get-state-counts/get-state-counts.handler';
import { GetStatsHandler } from './queries/get-stats/get-stats.handler';
import { GetStreamPositionHandler } from './queries/get-stream-position/get-stream-position.handler';
import { SvgRenderer } from './render';
import { StatsController } from './stats.controller';
import { StreamController } from './stream.controller';

/** Process-flow diagrams of definitions and projects, state counts, and the live event stream. */
@Module({
  imports: [ProjectsModule],
  controllers: [DefinitionDiagramsController, ProjectDiagramsController, StatsController, StreamController],
  providers: [
    // One Graphviz WebAssembly instance for the whole process.
    { provide: SvgRenderer, useValue: new SvgRenderer() },
    { provide: SSE_LIMITS, useValue: DEFAULT_SSE_LIMITS },
    GetDefinitionDiagramHandler,
    GetProjectDiagramHandler,
    GetStateCountsHandler,
    GetStatsHandler,
    GetEventsAfterHandler,
    GetStreamPositionHandler,
    NotifyWhenEventAppended,
    EventFeed,
    LiveStreams,
  ],
})
export class DiagramsModule {}
