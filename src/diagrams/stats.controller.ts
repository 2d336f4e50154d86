import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { GetStatsQuery } from './queries/get-stats/get-stats.query';
import { StatsView } from './stats.views';

@ApiTags('diagrams')
@Controller('stats')
export class StatsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('bureau', 'auditor')
  @ApiOperation({ summary: 'Where all projects stand: per state now and ever reached, totals, acceptance funnel' })
  @ApiOkResponse({ type: StatsView })
  stats(): Promise<StatsView> {
    return this.queries.execute(new GetStatsQuery());
  }
}
