import { Module } from '@nestjs/common';
import { CreateDraftHandler } from './commands/create-draft/create-draft.handler';
import { LoadWorkflowsHandler } from './commands/load-workflows/load-workflows.handler';
import { PublishVersionHandler } from './commands/publish-version/publish-version.handler';
import { UpdateDraftHandler } from './commands/update-draft/update-draft.handler';
import { DefinitionsController } from './definitions.controller';
import { LoadWorkflowsOnStart } from './load-workflows-on-start';
import { GetDefinitionVersionHandler } from './queries/get-definition-version/get-definition-version.handler';
import { GetPublishedDefinitionHandler } from './queries/get-published-definition/get-published-definition.handler';
import { ListDefinitionsHandler } from './queries/list-definitions/list-definitions.handler';

@Module({
  controllers: [DefinitionsController],
  providers: [
    CreateDraftHandler,
    UpdateDraftHandler,
    PublishVersionHandler,
    LoadWorkflowsHandler,
    LoadWorkflowsOnStart,
    ListDefinitionsHandler,
    GetDefinitionVersionHandler,
    GetPublishedDefinitionHandler,
  ],
})
export class DefinitionsModule {}
