/**
 * A project's persisted XState snapshot, rebuilt from its read-model columns: the lifecycle format has
 * no history states and no child actors, so status, value and context are the whole of it.
 */
export function snapshotSql(alias: string): string {
  return `jsonb_build_object('status', ${alias}.status, 'value', ${alias}.state_value, 'context', ${alias}.context,
    'historyValue', '{}'::jsonb, 'children', '{}'::jsonb)`;
}
