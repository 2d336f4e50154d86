/**
 * The state counters are a read model of the events: which projects ever entered which state path
 * (state_entries) and, per definition version and path, how many projects are there now and how many
 * ever were (state_counts). The append statement keeps them current; this recomputes them from scratch.
 */
export const STATE_PATHS_FUNCTION = `
  create or replace function waypost_state_paths(value jsonb, prefix text default '') returns setof text
  language sql immutable as $$
    select prefix || (value #>> '{}') where jsonb_typeof(value) = 'string'
    union all
    select p from jsonb_each(case when jsonb_typeof(value) = 'object' then value else '{}'::jsonb end) as e(k, v),
      lateral (select prefix || e.k as p union all select waypost_state_paths(e.v, prefix || e.k || '.')) as paths
  $$`;

export const RECOUNT_STATES = [
  'delete from state_counts',
  'delete from state_entries',
  `insert into state_entries (project_id, state_path, definition_key, definition_version, first_version)
   select e.project_id, p.path, e.definition_key, e.definition_version, min(e.version)
   from events e cross join lateral waypost_state_paths(e.state_after) as p(path)
   group by e.project_id, p.path, e.definition_key, e.definition_version`,
  `insert into state_counts (definition_key, definition_version, state_path, now_count, ever_count)
   select definition_key, definition_version, state_path, 0, count(*) from state_entries
   group by definition_key, definition_version, state_path`,
  `insert into state_counts (definition_key, definition_version, state_path, now_count, ever_count)
   select definition_key, definition_version, path, count(*), 0 from projects cross join lateral unnest(state_paths) as path
   group by definition_key, definition_version, path
   on conflict (definition_key, definition_version, state_path) do update set now_count = excluded.now_count`,
];
