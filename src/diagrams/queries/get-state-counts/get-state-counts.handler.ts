import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { GetStateCountsQuery, type StateCountsOf } from './get-state-counts.query';
import { STATE_COUNTS_SQL } from './state-counts.sql';

interface CountRow {
  key: string;
  version: number | null;
  path: string;
  now: number;
  ever: number;
}

/** Figures come from the events and the read model, never from a cache: they are rebuilt on each ask. */
@QueryHandler(GetStateCountsQuery)
export class GetStateCountsHandler implements IQueryHandler<GetStateCountsQuery> {
  constructor(private readonly em: EntityManager) {}

  async execute({ key, version }: GetStateCountsQuery): Promise<StateCountsOf[]> {
    const filter = [key ?? null, key ?? null, version ?? null, version ?? null];
    const rows = await this.em.getConnection().execute<CountRow[]>(STATE_COUNTS_SQL, [...filter, ...filter]);
    const byScope = new Map<string, StateCountsOf>();
    for (const row of rows) {
      const scope = `${row.key}@${row.version ?? '*'}`;
      const entry = byScope.get(scope) ?? { key: row.key, version: row.version, states: {} };
      entry.states[row.path] = { now: row.now, ever: row.ever };
      byScope.set(scope, entry);
    }
    return [...byScope.values()];
  }
}
