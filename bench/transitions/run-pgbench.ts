import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { percentile } from '../report/percentile';
import type { PgbenchScript } from './pgbench-script';

const run = promisify(execFile);

export interface CeilingResult {
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  transactions: number;
  failed: number;
}

/** PGBENCH, else PostgreSQL 15's, else one on the PATH; undefined when there is none. */
export function findPgbench(): string | undefined {
  const candidates = [process.env.PGBENCH, '/usr/lib/postgresql/15/bin/pgbench', '/usr/bin/pgbench'];
  return candidates.find((path): path is string => path !== undefined && existsSync(path));
}

/** Runs the script with `clients` connections for `seconds` (after an unlogged warm-up). */
export async function runPgbench(
  pgbench: string,
  url: string,
  script: PgbenchScript,
  options: { clients: number; seconds: number; warmupSeconds: number; mode: 'prepared' | 'extended' },
): Promise<CeilingResult> {
  const dir = await mkdtemp(join(tmpdir(), 'waypost-pgbench-'));
  try {
    const file = join(dir, 'transition.sql');
    await writeFile(file, script.text);
    const base = ['-n', '-c', String(options.clients), '-j', '2', '-M', options.mode, '-f', file];
    const defines = script.defines.flatMap((define) => ['-D', define]);
    const call = (args: string[]) =>
      run(pgbench, [...base, ...defines, ...args, url], { maxBuffer: 1 << 24, timeout: 600_000 });
    if (options.warmupSeconds > 0) await call(['-T', String(options.warmupSeconds)]);
    const { stdout } = await call(['-T', String(options.seconds), '-l', `--log-prefix=${join(dir, 'log')}`]);
    const latencies = await logLatencies(dir);
    return {
      perSecond: Number(/^tps = ([\d.]+)/m.exec(stdout)?.[1] ?? NaN),
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      transactions: latencies.length,
      failed: Number(/number of failed transactions: (\d+)/.exec(stdout)?.[1] ?? 0),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Per-transaction logs (`client tx latency_us script epoch us`), one file per thread: latencies in ms. */
async function logLatencies(dir: string): Promise<number[]> {
  const latencies: number[] = [];
  for (const name of await readdir(dir)) {
    if (!name.startsWith('log.')) continue;
    for (const line of (await readFile(join(dir, name), 'utf8')).split('\n')) {
      const fields = line.split(' ');
      if (fields.length >= 3) latencies.push(Number(fields[2]) / 1000);
    }
  }
  return latencies;
}
