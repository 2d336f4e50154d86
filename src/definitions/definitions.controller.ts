import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { AuthPrincipal } from '../auth/principal';
import { Roles, SignedIn } from '../auth/roles.decorator';
import { ApiProblems } from '../common/api-problems.decorator';
import { DefinitionKeyPipe, VersionPipe } from '../common/params';
import { validateDefinition } from '../lifecycle/validate';
import { CreateDraftCommand } from './commands/create-draft/create-draft.command';
import { PublishVersionCommand } from './commands/publish-version/publish-version.command';
import { UpdateDraftCommand } from './commands/update-draft/update-draft.command';
import { DefinitionKeyView, DefinitionVersionView, ValidationResultView } from './definition.views';
import { GetDefinitionVersionQuery } from './queries/get-definition-version/get-definition-version.query';
import { ListDefinitionsQuery } from './queries/list-definitions/list-definitions.query';

const DEFINITION_BODY = {
  description: 'A lifecycle definition: key, title, roles, data schema, XState machine, events, delays',
  schema: { type: 'object' as const, additionalProperties: true },
};

@ApiTags('definitions')
@Controller('definitions')
export class DefinitionsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @SignedIn()
  @ApiOperation({ summary: 'Definition keys with their versions (drafts for the bureau only)' })
  @ApiOkResponse({ type: [DefinitionKeyView] })
  list(@CurrentPrincipal() caller: AuthPrincipal): Promise<DefinitionKeyView[]> {
    return this.queries.execute(new ListDefinitionsQuery(caller.role === 'bureau'));
  }

  @Post('validate')
  @HttpCode(200)
  @Roles('bureau')
  @ApiOperation({ summary: 'Dry run: every problem of a definition, with its JSON path; nothing is stored' })
  @ApiBody(DEFINITION_BODY)
  @ApiOkResponse({ type: ValidationResultView })
  @ApiProblems(400, 413, 422)
  validate(@Body() body: unknown): ValidationResultView {
    return validateDefinition(body);
  }

  @Post(':key/versions')
  @Roles('bureau')
  @ApiOperation({ summary: 'Create a new draft version of a definition' })
  @ApiBody(DEFINITION_BODY)
  @ApiCreatedResponse({ type: DefinitionVersionView })
  @ApiProblems(400, 409, 413, 422)
  createDraft(
    @Param('key', DefinitionKeyPipe) key: string,
    @Body() body: unknown,
    @CurrentPrincipal() caller: AuthPrincipal,
  ): Promise<DefinitionVersionView> {
    return this.commands.execute(new CreateDraftCommand(key, body, caller.id));
  }

  @Put(':key/versions/:version')
  @Roles('bureau')
  @ApiOperation({ summary: 'Replace a draft; published versions are immutable (409)' })
  @ApiBody(DEFINITION_BODY)
  @ApiOkResponse({ type: DefinitionVersionView })
  @ApiProblems(400, 404, 409, 413, 422)
  updateDraft(
    @Param('key', DefinitionKeyPipe) key: string,
    @Param('version', VersionPipe) version: number,
    @Body() body: unknown,
  ): Promise<DefinitionVersionView> {
    return this.commands.execute(new UpdateDraftCommand(key, version, body));
  }

  @Post(':key/versions/:version/publish')
  @HttpCode(200)
  @Roles('bureau')
  @ApiOperation({ summary: 'Publish a draft: it is frozen for good and projects may start on it' })
  @ApiOkResponse({ type: DefinitionVersionView })
  @ApiProblems(404, 409, 422)
  publish(
    @Param('key', DefinitionKeyPipe) key: string,
    @Param('version', VersionPipe) version: number,
    @CurrentPrincipal() caller: AuthPrincipal,
  ): Promise<DefinitionVersionView> {
    return this.commands.execute(new PublishVersionCommand(key, version, caller.id));
  }

  @Get(':key/versions/:version')
  @SignedIn()
  @ApiOperation({ summary: 'One version of a definition' })
  @ApiOkResponse({ type: DefinitionVersionView })
  @ApiProblems(404, 422)
  get(
    @Param('key', DefinitionKeyPipe) key: string,
    @Param('version', VersionPipe) version: number,
    @CurrentPrincipal() caller: AuthPrincipal,
  ): Promise<DefinitionVersionView> {
    return this.queries.execute(new GetDefinitionVersionQuery(key, version, caller.role === 'bureau'));
  }
}
