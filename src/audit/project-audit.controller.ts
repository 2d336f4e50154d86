import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { AuthPrincipal } from '../auth/principal';
import { Roles, SignedIn } from '../auth/roles.decorator';
import { ApiProblems } from '../common/api-problems.decorator';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { HistoryDto, ReplayDto } from './audit.dtos';
import { ReplayViewDto } from './audit.views';
import { streamTo } from './export/stream-to';
import { ProjectHistoryQuery } from './queries/project-history/project-history.query';
import { ReplayProjectQuery } from './queries/replay-project/replay-project.query';
import type { ReplayView } from './replay/replay-view';

/** Per-project audit reads, beside the project routes. */
@ApiTags('audit')
@Controller('projects')
export class ProjectAuditController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/replay')
  @Roles('auditor', 'bureau')
  @ApiOperation({
    summary:
      'Rebuild state and context from the events alone (?to=version or ?at=instant) and compare with the record',
  })
  @ApiOkResponse({ type: ReplayViewDto })
  @ApiProblems(404, 409, 422)
  replay(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Query() dto: ReplayDto,
    @CurrentPrincipal() caller: AuthPrincipal,
  ): Promise<ReplayView> {
    return this.queries.execute(new ReplayProjectQuery(caller, id, dto.to, dto.at));
  }

  @Get([':id/history', ':id/history.json', ':id/history.csv'])
  @SignedIn()
  @ApiOperation({
    summary: 'The history of a project with its hash chain, as JSON or CSV (.csv or ?format=csv)',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: 'The events in version order with prevHash and hash' })
  @ApiProblems(404, 422)
  async history(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Query() dto: HistoryDto,
    @CurrentPrincipal() caller: AuthPrincipal,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const format = dto.format ?? (req.path.endsWith('.csv') ? 'csv' : 'json');
    const document = await this.queries.execute(new ProjectHistoryQuery(caller, id, format));
    res.status(200).type(document.contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${document.filename}"`);
    await streamTo(res, document.chunks);
  }
}
