import { Query } from '@nestjs/cqrs';
import type { StatsView } from '../../stats.views';

/** Where all projects stand: counts per state, totals and the acceptance funnel. */
export class GetStatsQuery extends Query<StatsView> {}
