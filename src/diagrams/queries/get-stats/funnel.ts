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

export const TOTALS_SQL = `
select count(*)::int as projects,
       count(*) filter (where status = 'active')::int as active,
       count(*) filter (where status = 'done')::int as done,
       count(*) filter (where overdue)::int as overdue
from projects`;
