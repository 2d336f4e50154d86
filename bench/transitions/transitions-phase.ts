import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sizes } from '../config/sizes';
import { execute, recreateDatabase } from '../db/admin';
import { summarizeProfile, type ProfileSummary } from '../profile/summarize-profile';
import { progress, ticker } from '../report/progress';
import { memoryOf } from '../service/proc-status';
import { startService } from '../service/service-process';
import { createPrincipal, type Principal } from '../setup/principals';
import { seedConstruction } from '../setup/seed-construction';
import { loadSample } from './load-sample';
import { captureStatements } from './capture-statements';
import { runPgLoop } from './pg-loop';
import { pgbenchScript } from './pgbench-script';
import { runLoad } from './run-load';
import type { LoadResult } from './load-worker';
import { findPgbench, runPgbench, type CeilingResult } from './run-pgbench';

export const TRANSITIONS_DB = 'waypost_bench';

export interface TransitionsOutcome {
  service: LoadResult;
  peakRssMb: number;
  ceiling: CeilingResult & { tool: string };
  profile?: ProfileSummary;
}

/**
 * The service under transition load, then the same SQL straight at PostgreSQL: both on one freshly
 * seeded database, one after the other, at the same concurrency.
 */
export async function transitionsPhase(
  sizes: Sizes,
  options: { profile: boolean },
): Promise<TransitionsOutcome> {
  const url = await recreateDatabase(TRANSITIONS_DB);
  const service = await startService({ databaseUrl: url });
  let enterprise: Principal;
  let ids: string[];
  let load: LoadResult;
  let peakRssMb: number;
  try {
    enterprise = await createPrincipal(service.baseUrl, service.adminKey, 'enterprise', 'bench-ent');
    progress(`transitions: seeding ${sizes.loadProjects} projects into construction through the API`);
    ids = await seedConstruction(
      service.baseUrl,
      { enterprise: enterprise.apiKey, bureau: service.adminKey },
      sizes.loadProjects,
      (done) => progress(`transitions: seeded ${done}/${sizes.loadProjects}`),
    );
    load = await measureService(service.baseUrl, enterprise.apiKey, ids, sizes);
    peakRssMb = memoryOf(service.pid).peakMb;
  } finally {
    await service.stop();
  }
  progress(
    `transitions: service ${load.perSecond.toFixed(0)}/s, p99 ${load.p99Ms} ms, ${load.non2xx} non-2xx`,
  );
  const ceiling = await measureCeiling(url, enterprise, ids, sizes);
  const profile = options.profile ? await profileService(url, enterprise.apiKey, ids, sizes) : undefined;
  return { service: load, peakRssMb, ...ceiling, profile };
}

async function measureService(
  baseUrl: string,
  apiKey: string,
  ids: string[],
  sizes: Sizes,
): Promise<LoadResult> {
  const seconds = sizes.warmupSeconds + sizes.loadSeconds;
  progress(
    `transitions: autocannon ${sizes.connections} connections, ${sizes.warmupSeconds} s warm-up + ${sizes.loadSeconds} s`,
  );
  const stop = ticker('transitions: service load', seconds);
  try {
    return await runLoad({
      baseUrl,
      apiKey,
      projectIds: ids,
      connections: sizes.connections,
      warmupSeconds: sizes.warmupSeconds,
      seconds: sizes.loadSeconds,
    });
  } finally {
    stop();
  }
}

async function measureCeiling(
  url: string,
  enterprise: Principal,
  ids: string[],
  sizes: Sizes,
): Promise<Pick<TransitionsOutcome, 'ceiling'>> {
  const statements = await captureStatements(await loadSample(url), enterprise);
  const pgbench = findPgbench();
  const timing = {
    clients: sizes.connections,
    seconds: sizes.loadSeconds,
    warmupSeconds: sizes.warmupSeconds,
  };
  if (!pgbench) {
    progress('transitions: no pgbench here; ceiling from a bare pg loop');
    return { ceiling: { ...(await runPgLoop(url, statements, ids, timing)), tool: 'pg loop' } };
  }
  await execute(url, 'create table bench_ids (n integer primary key, id uuid not null)');
  await execute(
    url,
    'insert into bench_ids select ordinality, id from unnest($1::uuid[]) with ordinality as t(id)',
    [ids],
  );
  const script = pgbenchScript(statements, ids.length);
  progress("transitions: ceiling, pgbench -M prepared with the service's statements");
  const stop = ticker('transitions: pgbench', sizes.warmupSeconds + sizes.loadSeconds);
  try {
    return {
      ceiling: {
        ...(await runPgbench(pgbench, url, script, { ...timing, mode: 'prepared' })),
        tool: 'pgbench -M prepared',
      },
    };
  } finally {
    stop();
  }
}

/** A separate pass under `node --cpu-prof`, so profiling never slows the measured run. */
async function profileService(
  url: string,
  apiKey: string,
  ids: string[],
  sizes: Sizes,
): Promise<ProfileSummary> {
  const dir = await mkdtemp(join(tmpdir(), 'waypost-profile-'));
  try {
    const service = await startService({ databaseUrl: url, cpuProfileDir: dir });
    try {
      progress('transitions: profiling the service under the same load');
      await runLoad({
        baseUrl: service.baseUrl,
        apiKey,
        projectIds: ids,
        connections: sizes.connections,
        warmupSeconds: 0,
        seconds: sizes.loadSeconds,
      });
    } finally {
      await service.stop();
    }
    const file = (await readdir(dir)).find((name) => name.endsWith('.cpuprofile'));
    if (!file) throw new Error('the service wrote no .cpuprofile');
    return await summarizeProfile(join(dir, file));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
