/**
 * `npm run bench [-- --quick] [-- --peers] [-- --profile] [-- --only transitions,replay,queries]`:
 * measures, prints a table with the targets, and writes bench/results/latest.json.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseOptions, type BenchOptions } from './config/options';
import { FULL, QUICK, type Sizes } from './config/sizes';
import { dropDatabase, serverVersion } from './db/admin';
import { shippedDefinition } from './engine/definition';
import { runPeers } from './peers/run-peers';
import { progress, elapsedSeconds } from './report/progress';
import type { BenchResults } from './report/results';
import { table } from './report/table';
import { targets } from './report/targets';
import { generate, replayPhase } from './replay/replay-phase';
import { SCALE_DB, scalePhase } from './scale/scale-phase';
import { TRANSITIONS_DB, transitionsPhase } from './transitions/transitions-phase';

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const sizes = options.quick ? QUICK : FULL;
  progress(
    `bench: ${options.quick ? 'quick' : 'full'} mode, phases ${[...options.only].join(', ')}${options.peers ? ', peers' : ''}`,
  );
  const results: BenchResults = {
    rssMb: {},
    machine: { cpus: cpus().length, node: process.version, postgres: await serverVersion() },
    mode: options.quick ? 'quick' : 'full',
    seconds: 0,
  };
  try {
    await measure(options, sizes, results);
  } catch (error) {
    // Keep what the earlier phases measured: write and print them, then fail (a crash fails CI).
    results.error = error instanceof Error ? error.message : String(error);
    process.exitCode = 1;
  } finally {
    await dropDatabase(TRANSITIONS_DB);
    await dropDatabase(SCALE_DB);
  }
  results.seconds = Math.round(elapsedSeconds());
  const checks = targets(results);
  await mkdir(join(process.cwd(), 'bench', 'results'), { recursive: true });
  await writeFile(
    join(process.cwd(), 'bench', 'results', 'latest.json'),
    JSON.stringify(results, null, 2) + '\n',
  );
  process.stdout.write(table(results, checks));
  if (results.error) progress(`bench: FAILED: ${results.error}`);
  progress(`bench: done in ${results.seconds} s; bench/results/latest.json written`);
}

async function measure(options: BenchOptions, sizes: Sizes, results: BenchResults): Promise<void> {
  if (options.only.has('transitions')) {
    const t = await transitionsPhase(sizes, { profile: options.profile });
    results.transitions = {
      perSecond: t.service.perSecond,
      p50Ms: t.service.p50Ms,
      p99Ms: t.service.p99Ms,
      ceilingPerSecond: t.ceiling.perSecond,
      ratio: t.service.perSecond / t.ceiling.perSecond,
      ceilingP50Ms: t.ceiling.p50Ms,
      ceilingP99Ms: t.ceiling.p99Ms,
      ceilingTool: t.ceiling.tool,
      non2xx: t.service.non2xx,
    };
    results.rssMb.underLoad = t.peakRssMb;
    results.profile = t.profile;
  }
  if (options.peers && results.transitions) {
    const waypost = results.transitions.perSecond;
    const peers = await runPeers(sizes);
    results.peers = Object.fromEntries(
      Object.entries(peers).map(([name, peer]) => [name, { ...peer, ratio: waypost / peer.perSecond }]),
    );
  }
  if (!options.only.has('replay') && !options.only.has('queries')) return;
  progress(`replay: generating one history of ${sizes.longHistoryEvents} events through the engine`);
  const long = generate(await shippedDefinition(), sizes.longHistoryEvents);
  if (options.only.has('replay')) {
    const r = await replayPhase(sizes, long);
    const events = r.longHistory.events + r.manyProjects.events;
    const seconds = (f: { events: number }, rate: number) => f.events / rate;
    const verified =
      seconds(r.longHistory, r.longHistory.eventsPerSecond) +
      seconds(r.manyProjects, r.manyProjects.eventsPerSecond);
    const bare =
      seconds(r.longHistory, r.longHistory.ceilingEventsPerSecond) +
      seconds(r.manyProjects, r.manyProjects.ceilingEventsPerSecond);
    results.replay = {
      eventsPerSecond: events / verified,
      ceilingEventsPerSecond: events / bare,
      ratio: bare / verified,
      ...r,
    };
  }
  if (options.only.has('queries')) {
    const s = await scalePhase(sizes, long);
    results.queries = s.queries;
    results.scale = { projects: s.projects, events: s.events, loadSeconds: Math.round(s.loadSeconds) };
    results.rssMb.afterReplay = s.rssAfterReplayMb;
    results.rssMb.peakAfterReplay = s.rssPeakMb;
    results.export = s.export;
    if (results.replay) results.replay.service = s.serviceReplay;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
