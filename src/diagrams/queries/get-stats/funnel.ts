/**
 * The bureau's acceptance funnel, in the shipped lifecycle's terms: states reached for the first and
 * third steps, recorded events for the middle ones (a mock defense and a failed verdict change no state
 * the funnel could count).
 */
export const FUNNEL = {
  appliedForAcceptancePath: 'acceptance',
  passedPath: 'accepted',
  mockDefenseEvent: 'RECORD_MOCK_DEFENSE',
  verdictEvent: 'RECORD_EXPERT_VERDICT',
  failedVerdict: 'fail',
} as const;

export const FUNNEL_EVENTS_SQL = `
select count(distinct project_id) filter (where type = ?)::int as mock_defense_held,
       count(distinct project_id) filter (where type = ? and payload ->> 'verdict' = ?)::int as failed
from events where type in (?, ?)`;

/** Projects per status and the overdue count; the partial index on overdue keeps the latter cheap. */
export const TOTALS_SQL = `
select coalesce(sum(now_count) filter (where state_path not like '%.%'), 0)::int as projects,
       (select count(*)::int from projects where overdue) as overdue
from state_counts`;
