import { progress } from '../report/progress';
import { memoryOf } from '../service/proc-status';
import { sampleRss } from '../service/rss-sampler';
import type { RunningService } from '../service/service-process';

export interface ExportFigure {
  /** NDJSON lines received: header, one per project, one per entry, one per checkpoint, and end. */
  entries: number;
  megabytes: number;
  seconds: number;
  rssBeforeMb: number;
  /** The largest VmRSS sampled every 200 ms while the body was read. */
  rssMaxDuringMb: number;
  hwmBeforeMb: number;
  hwmAfterMb: number;
  failed?: string;
}

const NEWLINE = 0x0a;

/**
 * Downloads `GET /api/audit/export.ndjson` as the bureau, counting bytes and lines of the body as it
 * streams in and keeping none of it, while the service's resident set is sampled. `expectedLines` is
 * only for the progress lines.
 */
export async function timeExport(service: RunningService, expectedLines: number): Promise<ExportFigure> {
  progress('queries: streaming GET /api/audit/export.ndjson (the whole audit log)');
  const before = memoryOf(service.pid);
  const sampler = sampleRss(service.pid);
  const counted = { lines: 0, bytes: 0 };
  const started = performance.now();
  const ticker = setInterval(
    () =>
      progress(
        `queries: export ${counted.lines}/${expectedLines} lines, ${(counted.bytes / 2 ** 20).toFixed(0)} MB so far`,
      ),
    1000,
  );
  // A failed export is a finding to report, not a reason to lose the rest of the run.
  const failed = await download(service, counted)
    .catch((error: unknown) => `no answer: ${String(error)}`)
    .finally(() => clearInterval(ticker));
  const seconds = (performance.now() - started) / 1000;
  const rssMaxDuringMb = sampler.stop();
  const after = failed?.startsWith('no answer') ? { peakMb: Number.NaN } : memoryOf(service.pid);
  if (failed) progress(`queries: the export failed: ${failed}`);
  return {
    entries: counted.lines,
    megabytes: Math.round((counted.bytes / 2 ** 20) * 10) / 10,
    seconds: Math.round(seconds * 100) / 100,
    rssBeforeMb: before.currentMb,
    rssMaxDuringMb,
    hwmBeforeMb: before.peakMb,
    hwmAfterMb: after.peakMb,
    failed,
  };
}

/** Reads the body chunk by chunk; answers why it failed, or undefined. */
async function download(
  service: RunningService,
  counted: { lines: number; bytes: number },
): Promise<string | undefined> {
  const res = await fetch(`${service.baseUrl}/api/audit/export.ndjson`, {
    headers: { authorization: `Bearer ${service.adminKey}` },
  });
  if (res.status !== 200 || !res.body) return `${res.status} ${(await res.text()).slice(0, 300)}`;
  let last = NEWLINE;
  for await (const chunk of res.body) {
    counted.bytes += chunk.byteLength;
    for (let i = chunk.indexOf(NEWLINE); i >= 0; i = chunk.indexOf(NEWLINE, i + 1)) counted.lines++;
    if (chunk.byteLength > 0) last = chunk[chunk.byteLength - 1];
  }
  // The export ends every line, the end line included; a cut body does not.
  return last === NEWLINE ? undefined : 'the body ends mid-line';
}
