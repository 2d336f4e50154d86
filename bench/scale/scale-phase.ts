import { RECOUNT_STATES } from '../../src/database/state-counts.sql';
import type { Sizes } from '../config/sizes';
import { execute, recreateDatabase } from '../db/admin';
import { shippedDefinition } from '../engine/definition';
import type { History } from '../engine/history';
import { progress } from '../report/progress';
import { memoryOf } from '../service/proc-status';
import { startService, type RunningService } from '../service/service-process';
import { timeExport, type ExportFigure } from './export-bench';
import { loadScaleData } from './load-scale-data';
import { queryPaths, timeQuery, type QueryFigure } from './query-bench';

export const SCALE_DB = 'waypost_bench_scale';

export interface ScaleOutcome {
  projects: number;
  events: number;
  loadSeconds: number;
  queries: Record<string, QueryFigure>;
  serviceReplay: { events: number; seconds: number; eventsPerSecond: number; failed?: string };
  rssAfterReplayMb: number;
  rssPeakMb: number;
  /** Undefined when the service no longer answered after the replay. */
  export?: ExportFigure;
}

/** Loads the data set under a running service (which created the schema), then times its reads. */
export async function scalePhase(sizes: Sizes, long: History): Promise<ScaleOutcome> {
  const url = await recreateDatabase(SCALE_DB);
  // A first start only creates the schema and publishes workflows/; the data is loaded with no service
  // running, and the measured one starts on the loaded database with a cold cache of its own.
  await (await startService({ databaseUrl: url })).stop();
  const started = performance.now();
  progress(`queries: loading ${sizes.scaleProjects} projects (+1 of ${long.events.length} events) with COPY`);
  const loaded = await loadScaleData(url, await shippedDefinition(), sizes.scaleProjects, long, (n) =>
    progress(`queries: generated and copied ${n}/${sizes.scaleProjects} projects`),
  );
  progress("queries: state counters recomputed with the service's RECOUNT_STATES, then vacuum analyze");
  for (const statement of RECOUNT_STATES) await execute(url, statement);
  await execute(url, 'vacuum analyze');
  const loadSeconds = (performance.now() - started) / 1000;
  progress(
    `queries: ${loaded.projects} projects, ${loaded.events} events loaded in ${loadSeconds.toFixed(0)} s`,
  );
  const service = await startService({ databaseUrl: url });
  try {
    const queries = await timeQueries(service, url, sizes.querySamples).catch((error: unknown) => {
      throw new Error(`${String(error)}; ${service.diagnostics()}`);
    });
    const serviceReplay = await replayLong(service, loaded.longProjectId, long.events.length);
    const answering = !serviceReplay.failed?.startsWith('no answer');
    const memory = answering ? memoryOf(service.pid) : { currentMb: Number.NaN, peakMb: Number.NaN };
    if (serviceReplay.failed) progress(service.diagnostics());
    // After the replay, so the replay's figures stay what they were; the export's own effect is its
    // growth over the resident set it starts from. One line per event and per project, a header and an
    // end line (the bench takes no checkpoint); only the progress lines use it.
    const lines = loaded.events + loaded.projects + 2;
    const exported = answering ? await timeExport(service, lines) : undefined;
    if (exported?.failed) progress(service.diagnostics());
    return {
      ...loaded,
      loadSeconds,
      queries,
      serviceReplay,
      rssAfterReplayMb: memory.currentMb,
      rssPeakMb: memory.peakMb,
      export: exported,
    };
  } finally {
    await service.stop();
  }
}

async function timeQueries(
  service: RunningService,
  url: string,
  samples: number,
): Promise<Record<string, QueryFigure>> {
  const rows = await execute<{ id: string }>(
    url,
    'select id from projects where version < 1000 order by random() limit $1',
    [samples],
  );
  const ids = rows.map((row) => row.id);
  const queries: Record<string, QueryFigure> = {};
  for (const [name, path] of Object.entries(queryPaths(ids))) {
    await timeQuery(service.baseUrl, service.adminKey, path, Math.min(5, samples));
    queries[name] = await timeQuery(service.baseUrl, service.adminKey, path, samples);
    progress(`queries: ${name} p50 ${queries[name].p50Ms} ms, p99 ${queries[name].p99Ms} ms`);
  }
  return queries;
}

/** The auditor's replay of the long history through the service: GET /api/projects/:id/replay. */
async function replayLong(
  service: RunningService,
  id: string,
  events: number,
): Promise<ScaleOutcome['serviceReplay']> {
  progress(`queries: replaying the ${events}-event history through the service`);
  const started = performance.now();
  // A failed replay is a finding to report, not a reason to lose the rest of the run.
  const failed = await fetch(`${service.baseUrl}/api/projects/${id}/replay`, {
    headers: { authorization: `Bearer ${service.adminKey}` },
  }).then(
    async (res) => {
      const body = (await res.json()) as { matches?: boolean };
      return res.status === 200 && body.matches === true
        ? undefined
        : `${res.status} ${JSON.stringify(body).slice(0, 300)}`;
    },
    (error: unknown) => `no answer: ${String(error)}`,
  );
  const seconds = (performance.now() - started) / 1000;
  if (failed) progress(`queries: the service's replay of the long history failed: ${failed}`);
  return { events, seconds, eventsPerSecond: failed ? 0 : events / seconds, failed };
}
