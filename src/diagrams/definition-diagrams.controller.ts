import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { AuthPrincipal } from '../auth/principal';
import { SignedIn } from '../auth/roles.decorator';
import { ApiProblems } from '../common/api-problems.decorator';
import { DefinitionKeyPipe, VersionPipe } from '../common/params';
import { DefinitionDiagramDto, DiagramLangDto } from './diagram-query.dto';
import { GetDefinitionDiagramQuery } from './queries/get-definition-diagram/get-definition-diagram.query';
import { sendDiagram } from './rendered-diagram';

@ApiTags('diagrams')
@Controller('definitions/:key/versions/:version')
export class DefinitionDiagramsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('diagram.svg')
  @SignedIn()
  @ApiOperation({
    summary: 'The process-flow diagram of a definition version (drafts for the bureau only); heat=1 adds project counts',
  })
  @ApiProduces('image/svg+xml')
  @ApiOkResponse({ description: 'SVG; published versions may be cached (ETag)' })
  @ApiProblems(404, 422)
  async svg(
    @Param('key', DefinitionKeyPipe) key: string,
    @Param('version', VersionPipe) version: number,
    @Query() dto: DefinitionDiagramDto,
    @CurrentPrincipal() caller: AuthPrincipal,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const heat = dto.heat === '1' ? (dto.scope ?? 'version') : undefined;
    const query = new GetDefinitionDiagramQuery(key, version, 'svg', dto.lang ?? 'zh', caller.role === 'bureau', heat);
    sendDiagram(req, res, await this.queries.execute(query));
  }

  @Get('diagram.mmd')
  @SignedIn()
  @ApiOperation({ summary: 'The diagram as Mermaid stateDiagram-v2 text (drafts for the bureau only)' })
  @ApiProduces('text/vnd.mermaid')
  @ApiOkResponse({ description: 'Mermaid text' })
  @ApiProblems(404, 422)
  async mermaid(
    @Param('key', DefinitionKeyPipe) key: string,
    @Param('version', VersionPipe) version: number,
    @Query() dto: DiagramLangDto,
    @CurrentPrincipal() caller: AuthPrincipal,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const query = new GetDefinitionDiagramQuery(key, version, 'mermaid', dto.lang ?? 'zh', caller.role === 'bureau');
    sendDiagram(req, res, await this.queries.execute(query));
  }
}
