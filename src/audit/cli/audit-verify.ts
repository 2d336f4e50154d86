/**
 * `npm run audit:verify [-- --project <id>] [-- --file export.ndjson] [-- --public-key <file or base64>]`:
 * verifies the hash chains in the database, or an NDJSON export offline. Checkpoint signatures must
 * verify under `--public-key`, else WAYPOST_CHECKPOINT_PUBLIC_KEY (or the signing key's own) when set.
 * Prints `{ok, checked, firstBroken}`; exits 1 when broken.
 */
import type { KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadAuditSettings } from '../audit-settings';
import { parseCheckpointPublicKey } from '../checkpoint/checkpoint-key';
import { withPgSnapshot } from '../sql';
import { verifyDatabase } from '../verify/verify-database';
import { verifyFile } from '../verify/verify-file';
import type { VerifyResult } from '../verify/verify-result';
import { failCli, openCliDatabase } from './cli-database';
import { progressBar } from './progress';

async function fromFile(path: string, pinnedKey: KeyObject | null): Promise<VerifyResult> {
  const { size } = await stat(path);
  const bar = progressBar('bytes');
  bar.start(size, 0);
  try {
    return await verifyFile(path, (bytes) => bar.update(bytes), pinnedKey);
  } finally {
    bar.stop();
  }
}

async function fromDatabase(
  projectId: string | undefined,
  pinnedKey: KeyObject | null,
): Promise<VerifyResult> {
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
        return await verifyDatabase(sql, { projectId, pinnedKey, progress: (seen) => bar.update(seen) });
      } finally {
        bar.stop();
      }
    });
  } finally {
    await database.close();
  }
}

/**
 * The key checkpoints must be signed by: `--public-key` (a file holding the key, or the key itself as
 * PEM or base64 SPKI), else the configured one.
 */
async function publicKeyOption(value: string | undefined): Promise<KeyObject | null> {
  if (value === undefined) return loadAuditSettings(process.env).checkpointPublicKey;
  const text = existsSync(value) ? await readFile(value, 'utf8') : value;
  return parseCheckpointPublicKey(text, '--public-key');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { file: { type: 'string' }, project: { type: 'string' }, 'public-key': { type: 'string' } },
  });
  const pinnedKey = await publicKeyOption(values['public-key']);
  const started = process.hrtime.bigint();
  const result = values.file
    ? await fromFile(values.file, pinnedKey)
    : await fromDatabase(values.project, pinnedKey);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  process.stderr.write(
    `${result.ok ? 'intact' : 'BROKEN'}: ${result.checked} entries in ${seconds.toFixed(2)} s ` +
      `(${Math.round(result.checked / Math.max(seconds, 1e-9))}/s)\n`,
  );
  process.exitCode = result.ok ? 0 : 1;
}

main().catch((error: unknown) => failCli('audit:verify', error));
