import { databaseItems, latestCheckpoint } from '../verify/database-source';
import type { SqlQuery } from '../sql';

export const EXPORT_FORMAT = 'waypost-audit-export';
export const EXPORT_FORMAT_VERSION = 1;

/**
 * The audit log as NDJSON: a header, then each project followed by its events and audit entries, the
 * latest checkpoint (each project line carries that checkpoint's head for it) and an end line with
 * the counts, so a cut file is detected. Verified offline by `npm run audit:verify -- --file`.
 */
export async function* exportLines(sql: SqlQuery, exportedAt: string): AsyncGenerator<string> {
  yield line({ kind: 'header', format: EXPORT_FORMAT, formatVersion: EXPORT_FORMAT_VERSION, exportedAt });
  const checkpoint = await latestCheckpoint(sql);
  let projects = 0;
  let entries = 0;
  for await (const item of databaseItems(sql, { checkpoint })) {
    if (item.kind === 'project') projects++;
    if (item.kind === 'entry') entries++;
    yield line(item);
  }
  yield line({ kind: 'end', projects, entries });
}

function line(value: object): string {
  return JSON.stringify(value) + '\n';
}
