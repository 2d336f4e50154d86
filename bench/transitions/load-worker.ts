/**
 * Load generator, run as its own process so it does not share an event loop with the orchestrator:
 * autocannon against POST /api/projects/<id>/events, PROGRESS_REPORT by the owning enterprise, a random
 * project of the seeded ones and a fresh Idempotency-Key per request. Prints one JSON line.
 */
import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';
import { progressReport } from '../engine/payloads';

export interface LoadSpec {
  baseUrl: string;
  apiKey: string;
  projectIds: string[];
  connections: number;
  warmupSeconds: number;
  seconds: number;
}

export interface LoadResult {
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  ok: number;
  non2xx: number;
  errors: number;
}

const runTag = randomBytes(6).toString('hex');
let sequence = 0;

function run(spec: LoadSpec, seconds: number): Promise<autocannon.Result> {
  const setupRequest = (request: autocannon.Request): autocannon.Request => {
    const n = ++sequence;
    const id = spec.projectIds[Math.floor(Math.random() * spec.projectIds.length)];
    request.method = 'POST';
    request.path = `/api/projects/${id}/events`;
    request.headers = {
      authorization: `Bearer ${spec.apiKey}`,
      'content-type': 'application/json',
      'idempotency-key': `${runTag}-${n}`,
    };
    request.body = JSON.stringify({ type: 'PROGRESS_REPORT', payload: progressReport(n) });
    return request;
  };
  return new Promise((resolve, reject) => {
    autocannon(
      { url: spec.baseUrl, connections: spec.connections, duration: seconds, requests: [{ setupRequest }] },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2]) as LoadSpec;
  if (spec.warmupSeconds > 0) await run(spec, spec.warmupSeconds);
  const result = await run(spec, spec.seconds);
  const out: LoadResult = {
    perSecond: result['2xx'] / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
  };
  process.stdout.write(JSON.stringify(out) + '\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`load worker: ${String(error)}\n`);
  process.exit(1);
});
