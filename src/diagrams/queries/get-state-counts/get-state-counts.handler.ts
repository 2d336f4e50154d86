import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { GetStateCountsQuery, type StateCountsOf } from './get-state-counts.query';
import { STATE_COUNTS_SQL } from './state-counts.sql';

interface CountRow {
  key: string;
  version: number;
  path: string;
  now: number;
  ever: number;
}

/**
 * Figures come from counters kept in the same transaction as each event, so they are exact and cheap.
 * Each key also gets an all-versions entry (version null): a project runs on one version, so sums are exact.
 */
@QueryHandler(GetStateCountsQuery)
export class GetStateCountsHandler implements IQueryHandler<GetStateCountsQuery> {
  constructor(private readonly em: EntityManager) {}

  async execute({ key, version }: GetStateCountsQuery): Promise<StateCountsOf[]> {
    const rows = await this.em
      .getConnection()
      .execute<CountRow[]>(STATE_COUNTS_SQL, [key ?? null, key ?? null, version ?? null, version ?? null]);
    const byScope = new Map<string, StateCountsOf>();
    const add = (scopeKey: string, scopeVersion: number | null, row: CountRow) => {
      const scope = `${scopeKey}@${scopeVersion ?? '*'}`;
      const entry = byScope.get(scope) ?? { key: scopeKey, version: scopeVersion, states: {} };
      const current = entry.states[row.path] ?? { now: 0, ever: 0 };
      entry.states[row.path] = { now: current.now + row.now, ever: current.ever + row.ever };
      byScope.set(scope, entry);
    };
    for (const row of rows) {
      add(row.key, null, row);
      add(row.key, row.version, row);
    }
    return [...byScope.values()].sort((a, b) => a.key.localeCompare(b.key) || (a.version ?? 0) - (b.version ?? 0));
  }
}
