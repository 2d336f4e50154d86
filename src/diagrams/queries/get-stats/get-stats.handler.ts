import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import type { DefinitionStatsView, FunnelView, StatsView, TotalsView } from '../../stats.views';
import { GetStateCountsQuery, type StateCountsOf } from '../get-state-counts/get-state-counts.query';
import { GetPublishedDefinitionQuery } from '../../../definitions/queries/get-published-definition/get-published-definition.query';
import { FUNNEL, MOCK_DEFENSES_SQL, TOTALS_SQL } from './funnel';
import { GetStatsQuery } from './get-stats.query';

@QueryHandler(GetStatsQuery)
export class GetStatsHandler implements IQueryHandler<GetStatsQuery> {
  constructor(
    private readonly em: EntityManager,
    private readonly queries: QueryBus,
  ) {}

  async execute(): Promise<StatsView> {
    const [counts, totals, events] = await Promise.all([
      this.queries.execute(new GetStateCountsQuery()),
      this.em.getConnection().execute<{ projects: number; overdue: number }[]>(TOTALS_SQL),
      this.em
        .getConnection()
        .execute<{ mock_defense_held: number }[]>(MOCK_DEFENSES_SQL, [FUNNEL.mockDefenseEvent]),
    ]);
    const done = await this.projectsInFinalStates(counts);
    const totalsView: TotalsView = { projects: totals[0].projects, active: totals[0].projects - done, done, overdue: totals[0].overdue };
    return { definitions: counts.map(definitionStatsOf), totals: totalsView, funnel: funnelOf(counts, events[0]) };
  }

  /** A project is done when it sits in a top-level final state of its pinned definition. */
  private async projectsInFinalStates(counts: StateCountsOf[]): Promise<number> {
    let done = 0;
    for (const entry of counts) {
      if (entry.version === null) continue;
      const { definition } = await this.queries.execute(new GetPublishedDefinitionQuery(entry.key, entry.version));
      for (const [name, state] of Object.entries(definition.machine.states)) {
        if (state.type === 'final') done += entry.states[name]?.now ?? 0;
      }
    }
    return done;
  }
}

function definitionStatsOf(entry: StateCountsOf): DefinitionStatsView {
  return entry.version === null
    ? { key: entry.key, states: entry.states }
    : { key: entry.key, version: entry.version, states: entry.states };
}

/** Reached-state figures come from each key's all-versions entry, summed over keys. */
function funnelOf(counts: StateCountsOf[], events: { mock_defense_held: number }): FunnelView {
  const everReached = (path: string) =>
    counts.filter((entry) => entry.version === null).reduce((sum, entry) => sum + (entry.states[path]?.ever ?? 0), 0);
  return {
    appliedForAcceptance: everReached(FUNNEL.appliedForAcceptancePath),
    mockDefenseHeld: events.mock_defense_held,
    passed: everReached(FUNNEL.passedPath),
    failed: everReached(FUNNEL.failedPath),
  };
}
