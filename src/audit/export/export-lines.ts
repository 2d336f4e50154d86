import { checkpointsThrough, databaseItems, latestCheckpoint } from '../verify/database-source';
import type { SqlQuery } from '../sql';

export const EXPORT_FORMAT = 'waypost-audit-export';
/** 2: a line for every checkpoint, oldest first, and their count in the end line (1: the latest only). */
export const EXPORT_FORMAT_VERSION = 2;

/**
 * The audit log as NDJSON: a header, then each project followed by its events and audit entries (each
 * project line carries the latest checkpoint's head for it), every checkpoint oldest first, and an end
 * line with the counts, so a cut file is detected. Verified offline by `npm run audit:verify -- --file`.
 */
export async function* exportLines(sql: SqlQuery, exportedAt: string): AsyncGenerator<string> {
  yield line({ kind: 'header', format: EXPORT_FORMAT, formatVersion: EXPORT_FORMAT_VERSION, exportedAt });
  const latest = await latestCheckpoint(sql);
  let projects = 0;
  let entries = 0;
  for await (const item of databaseItems(sql, { checkpoint: latest })) {
    // The stream ends with the latest checkpoint; every checkpoint follows below instead.
    if (item.kind === 'checkpoint') break;
    if (item.kind === 'project') projects++;
    else entries++;
    yield line(item);
  }
  let checkpoints = 0;
  if (latest)
    for await (const checkpoint of checkpointsThrough(sql, latest.id)) {
      checkpoints++;
      yield line({ kind: 'checkpoint', checkpoint });
    }
  yield line({ kind: 'end', projects, entries, checkpoints });
}

function line(value: object): string {
  return JSON.stringify(value) + '\n';
}
