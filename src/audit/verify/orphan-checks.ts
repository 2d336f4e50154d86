import type { SqlQuery } from '../sql';
import { broken, type BrokenPlace } from './verify-result';

/**
 * What an event-driven pass cannot see: rows whose events are all gone. Each check is one indexed
 * query answering at most one row, the first in (project, version) order.
 */
export async function orphanBreak(
  sql: SqlQuery,
  projectId: string | undefined,
  checkpointId: number | null,
): Promise<BrokenPlace | null> {
  const only = projectId ? 'and x.project_id = ?::uuid' : '';
  const scope = projectId ? [projectId] : [];
  const entries = await sql<{ project_id: string; version: number }>(
    `select x.project_id, x.version from audit_entries x
     where not exists (select 1 from events e where e.project_id = x.project_id and e.version = x.version) ${only}
     order by x.project_id, x.version limit 1`,
    scope,
  );
  if (entries[0])
    return broken({
      projectId: entries[0].project_id,
      version: entries[0].version,
      reason: 'missing',
      check: 'event',
      expected: 'the event of this audit entry',
      found: null,
    });
  const heads = await sql<{ project_id: string; version: number }>(
    `select x.project_id, x.version from checkpoint_heads x
     where x.checkpoint_id = ? and not exists (select 1 from events e where e.project_id = x.project_id) ${only}
     order by x.project_id limit 1`,
    [checkpointId ?? 0, ...scope],
  );
  if (heads[0])
    return broken({
      projectId: heads[0].project_id,
      version: 1,
      reason: 'truncated',
      check: 'checkpoint',
      expected: { version: heads[0].version },
      found: null,
    });
  const projects = await sql<{ project_id: string; version: number }>(
    `select x.id as project_id, x.version from projects x
     where not exists (select 1 from events e where e.project_id = x.id) ${projectId ? 'and x.id = ?::uuid' : ''}
     order by x.id limit 1`,
    scope,
  );
  if (projects[0])
    return broken({
      projectId: projects[0].project_id,
      version: 1,
      reason: 'missing',
      check: 'event',
      expected: { version: projects[0].version },
      found: null,
    });
  return null;
}
