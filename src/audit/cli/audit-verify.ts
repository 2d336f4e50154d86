/**
 * `npm run audit:verify [-- --project <id>] [-- --file export.ndjson]`: verifies the hash chains in
 * the database, or an NDJSON export offline. Prints `{ok, checked, firstBroken}`; exits 1 when broken.
 */
import { parseArgs } from 'node:util';
import { stat } from 'node:fs/promises';
import { withPgSnapshot } from '../sql';
import { verifyDatabase } from '../verify/verify-database';
import { verifyFile } from '../verify/verify-file';
import type { VerifyResult } from '../verify/verify-result';
import { failCli, openCliDatabase } from './cli-database';
import { progressBar } from './progress';

async function fromFile(path: string): Promise<VerifyResult> {
  const { size } = await stat(path);
  const bar = progressBar('bytes');
  bar.start(size, 0);
  try {
    return await verifyFile(path, (bytes) => bar.update(bytes));
  } finally {
    bar.stop();
  }
}

async function fromDatabase(projectId: string | undefined): Promise<VerifyResult> {
  const database = await openCliDatabase();
  try {
    return await withPgSnapshot(database.client, async (sql) => {
      const [{ total }] = await sql<{ total: number }>(
        `select count(*)::int as total from events ${projectId ? 'where project_id = ?::uuid' : ''}`,
        projectId ? [projectId] : [],
      );
      const bar = progressBar('entries');
      bar.start(total, 0);
      try {
        return await verifyDatabase(sql, { projectId, progress: (seen) => bar.update(seen) });
      } finally {
        bar.stop();
      }
    });
  } finally {
    await database.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { file: { type: 'string' }, project: { type: 'string' } } });
  const started = process.hrtime.bigint();
  const result = values.file ? await fromFile(values.file) : await fromDatabase(values.project);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  process.stderr.write(
    `${result.ok ? 'intact' : 'BROKEN'}: ${result.checked} entries in ${seconds.toFixed(2)} s ` +
      `(${Math.round(result.checked / Math.max(seconds, 1e-9))}/s)\n`,
  );
  process.exitCode = result.ok ? 0 : 1;
}

main().catch((error: unknown) => failCli('audit:verify', error));
