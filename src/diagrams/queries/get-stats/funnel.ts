/**
 * The bureau's acceptance funnel, in the shipped lifecycle's terms: states ever reached (from the state
 * counters) for applied, passed and failed (a failed verdict sends the project to rectification), and
 * projects with a recorded mock defense, which may leave the state unchanged when not ready.
 */
export const FUNNEL = {
  appliedForAcceptancePath: 'acceptance',
  passedPath: 'accepted',
  failedPath: 'acceptance.rectification',
  mockDefenseEvent: 'RECORD_MOCK_DEFENSE',
} as const;

/** An index-only scan of events_by_type (type, project_id). */
export const MOCK_DEFENSES_SQL = `select count(distinct project_id)::int as mock_defense_held from events where type = ?`;

/** Projects per status and the overdue count; the partial index on overdue keeps the latter cheap. */
export const TOTALS_SQL = `
select coalesce(sum(now_count) filter (where state_path not like '%.%'), 0)::int as projects,
       (select count(*)::int from projects where overdue) as overdue
from state_counts`;
