import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Sizes } from '../config/sizes';
import { databaseUrl, dropDatabase, recreateDatabase } from '../db/admin';
import { progress } from '../report/progress';
import { memoryOf } from '../service/proc-status';
import { freePort } from '../service/service-process';

const run = promisify(execFile);

export interface PeerFigure {
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  peakRssMb: number;
}

const PEERS = [
  { name: 'hand-rolled', script: 'hand-rolled/server.mjs', reset: [] as string[] },
  { name: 'dbos', script: 'dbos/server.mjs', reset: ['--dbos'] },
];

/** Their reset script drops and recreates DBOS's system database under this fixed name. */
const DBOS_SYSTEM_DB = 'bench_dbos_sys';
const PEERS_DB = 'waypost_bench_peers';

/**
 * Runs the reference peers (../shared/peers, or WAYPOST_PEERS_DIR) from a temporary copy, against a
 * scratch database on the same PostgreSQL, with their own reset and load scripts and our durations.
 */
export async function runPeers(sizes: Sizes): Promise<Record<string, PeerFigure>> {
  const source = resolve(process.env.WAYPOST_PEERS_DIR ?? join(process.cwd(), '..', 'shared', 'peers'));
  const dir = await mkdtemp(join(tmpdir(), 'waypost-peers-'));
  try {
    await cp(source, dir, {
      recursive: true,
      filter: (path) => !/\/(node_modules|results)(\/|$)/.test(path.slice(source.length)),
    });
    progress('peers: npm install in a temporary copy');
    await run('npm', ['install', '--no-audit', '--no-fund'], { cwd: dir, timeout: 600_000 });
    const env = {
      ...process.env,
      DATABASE_URL: await recreateDatabase(PEERS_DB),
      DBOS_SYSTEM_DATABASE_URL: databaseUrl(DBOS_SYSTEM_DB),
    };
    const figures: Record<string, PeerFigure> = {};
    for (const peer of PEERS) {
      await run(process.execPath, ['common/reset.mjs', ...peer.reset], { cwd: dir, env });
      figures[peer.name] = await measurePeer(dir, env, peer.script, peer.name, sizes);
      progress(
        `peers: ${peer.name} ${figures[peer.name].perSecond.toFixed(0)}/s, p99 ${figures[peer.name].p99Ms} ms`,
      );
    }
    return figures;
  } finally {
    await rm(dir, { recursive: true, force: true });
    await dropDatabase(PEERS_DB);
    await dropDatabase(DBOS_SYSTEM_DB);
  }
}

async function measurePeer(
  dir: string,
  env: NodeJS.ProcessEnv,
  script: string,
  name: string,
  sizes: Sizes,
): Promise<PeerFigure> {
  const port = await freePort();
  const server = spawn(process.execPath, [script], {
    cwd: dir,
    env: { ...env, PORT: String(port) },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${url}/health`);
    progress(`peers: ${name} under load (${sizes.warmupSeconds} s warm-up + ${sizes.loadSeconds} s)`);
    const args = [
      'load/load.mjs',
      '--url',
      url,
      '--connections',
      String(sizes.connections),
      '--warmup',
      String(sizes.warmupSeconds),
      '--duration',
      String(sizes.loadSeconds),
    ];
    const { stdout } = await run(process.execPath, args, { cwd: dir, env, timeout: 600_000 });
    const result = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as {
      ok_2xx: number;
      duration: number;
      p50_ms: number;
      p99_ms: number;
    };
    const peakRssMb = server.pid ? memoryOf(server.pid).peakMb : Number.NaN;
    return {
      perSecond: result.ok_2xx / result.duration,
      p50Ms: result.p50_ms,
      p99Ms: result.p99_ms,
      peakRssMb,
    };
  } finally {
    const exited = once(server, 'exit');
    server.kill('SIGTERM');
    await exited;
  }
}

async function waitFor(url: string): Promise<void> {
  for (let attempt = 0; attempt < 150; attempt++) {
    if (
      await fetch(url).then(
        (res) => res.ok,
        () => false,
      )
    )
      return;
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`${url} did not answer within 30 s`);
}
