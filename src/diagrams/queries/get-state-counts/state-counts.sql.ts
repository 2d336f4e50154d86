/**
 * Per state path: projects in it now (projects.state_paths) and distinct projects that ever reached it
 * (every prefix path of events.state_after). Grouping sets give each (key, version) and, with version
 * null, each key over all its versions. Parameters: key, key, version, version, key, key, version, version.
 */
export const STATE_COUNTS_SQL = `
with recursive
  scoped_projects as (
    select definition_key, definition_version, state_paths from projects
    where (?::text is null or definition_key = ?) and (?::int is null or definition_version = ?)),
  now_counts as (
    select definition_key as k, definition_version as v, path, count(*)::int as n
    from scoped_projects cross join lateral unnest(state_paths) as path
    group by grouping sets ((definition_key, definition_version, path), (definition_key, path))),
  distinct_states as (
    select distinct project_id, definition_key, definition_version, state_after from events
    where (?::text is null or definition_key = ?) and (?::int is null or definition_version = ?)),
  walk (project_id, k, v, path, node) as (
    select project_id, definition_key, definition_version, ''::text, state_after from distinct_states
    union all
    select w.project_id, w.k, w.v, case when w.path = '' then e.key else w.path || '.' || e.key end, e.value
    from walk w cross join lateral jsonb_each(
      case when jsonb_typeof(w.node) = 'object' then w.node else '{}'::jsonb end) as e),
  reached as (
    select project_id, k, v, path from walk where path <> ''
    union
    select project_id, k, v, case when path = '' then node #>> '{}' else path || '.' || (node #>> '{}') end
    from walk where jsonb_typeof(node) = 'string'),
  ever_counts as (
    select k, v, path, count(distinct project_id)::int as n from reached
    group by grouping sets ((k, v, path), (k, path)))
select coalesce(n.k, e.k) as key, coalesce(n.v, e.v) as version, coalesce(n.path, e.path) as path,
       coalesce(n.n, 0) as now, coalesce(e.n, 0) as ever
from now_counts n
full join ever_counts e on e.k = n.k and e.v is not distinct from n.v and e.path = n.path
order by 1, 2 nulls first, 3`;
