/**
 * `npm run audit:replay`: re-executes every stream through its pinned definition and reports each
 * place where replay and record differ (one JSON line per mismatch); exits 1 when any differ.
 */
import { withPgSnapshot } from '../sql';
import { replayAll } from '../replay/replay-all';
import { failCli, openCliDatabase } from './cli-database';
import { progressBar } from './progress';

async function main(): Promise<void> {
  const database = await openCliDatabase();
  try {
    const started = process.hrtime.bigint();
    const totals = await withPgSnapshot(database.client, async (sql) => {
      // Streams are counted from the events, as replayed: the read model is not the truth.
      const [{ total }] = await sql<{ total: number }>(
        'select count(distinct project_id)::int as total from events',
        [],
      );
      const bar = progressBar('streams');
      bar.start(total, 0);
      try {
        return await replayAll(
          sql,
          (mismatch) => process.stdout.write(JSON.stringify(mismatch) + '\n'),
          (projects) => bar.update(projects),
        );
      } finally {
        bar.stop();
      }
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    process.stderr.write(
      `${totals.mismatches === 0 ? 'deterministic' : 'MISMATCHES'}: ${totals.projects} projects, ` +
        `${totals.events} events replayed in ${seconds.toFixed(2)} s, ${totals.mismatches} mismatches\n`,
    );
    process.exitCode = totals.mismatches === 0 ? 0 : 1;
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => failCli('audit:replay', error));
