import { Module } from '@nestjs/common';
import { EventStoreModule } from '../event-store/event-store.module';
import { CreateProjectHandler } from './commands/create-project/create-project.handler';
import { RebuildReadModelsHandler } from './commands/rebuild-read-models/rebuild-read-models.handler';
import { SendEventHandler } from './commands/send-event/send-event.handler';
import { ProjectAccess } from './project-access';
import { ProjectsController } from './projects.controller';
import { GetAvailableEventsHandler } from './queries/get-available-events/get-available-events.handler';
import { GetProjectEventsHandler } from './queries/get-project-events/get-project-events.handler';
import { GetProjectHandler } from './queries/get-project/get-project.handler';
import { ListProjectsHandler } from './queries/list-projects/list-projects.handler';

@Module({
  imports: [EventStoreModule],
  controllers: [ProjectsController],
  providers: [
    ProjectAccess,
    CreateProjectHandler,
    SendEventHandler,
    RebuildReadModelsHandler,
    GetProjectHandler,
    ListProjectsHandler,
    GetProjectEventsHandler,
    GetAvailableEventsHandler,
  ],
  exports: [ProjectAccess],
})
export class ProjectsModule {}
