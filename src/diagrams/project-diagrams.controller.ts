import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { AuthPrincipal } from '../auth/principal';
import { SignedIn } from '../auth/roles.decorator';
import { ApiProblems } from '../common/api-problems.decorator';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { DiagramLangDto } from './diagram-query.dto';
import { GetProjectDiagramQuery } from './queries/get-project-diagram/get-project-diagram.query';
import { sendDiagram } from './rendered-diagram';

@ApiTags('diagrams')
@Controller('projects/:id')
export class ProjectDiagramsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('diagram.svg')
  @SignedIn()
  @ApiOperation({
    summary: "A project's diagram: current state lit, transitions taken drawn heavier with counts, entry times",
  })
  @ApiProduces('image/svg+xml')
  @ApiOkResponse({ description: 'SVG, computed from the event stream' })
  @ApiProblems(404, 422)
  async svg(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Query() dto: DiagramLangDto,
    @CurrentPrincipal() caller: AuthPrincipal,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    sendDiagram(req, res, await this.queries.execute(new GetProjectDiagramQuery(caller, id, dto.lang ?? 'zh')));
  }
}
