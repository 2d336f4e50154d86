/**
 * Per (key, version, state path): projects in it now and projects that ever reached it, from the
 * counters the append statement maintains (state_counts). Parameters: key, key, version, version.
 */
export const STATE_COUNTS_SQL = `
select definition_key as key, definition_version as version, state_path as path, now_count as now, ever_count as ever
from state_counts
where (?::text is null or definition_key = ?) and (?::int is null or definition_version = ?)
order by 1, 2, 3`;
