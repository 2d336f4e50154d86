import { percentile, round } from '../report/percentile';

export interface QueryFigure {
  p50Ms: number;
  p99Ms: number;
}

/** Sends `samples` GETs one after another (a single user) and answers their latency percentiles. */
export async function timeQuery(
  baseUrl: string,
  key: string,
  path: (n: number) => string,
  samples: number,
): Promise<QueryFigure> {
  const latencies: number[] = [];
  for (let n = 0; n < samples; n++) {
    const started = performance.now();
    const res = await fetch(`${baseUrl}${path(n)}`, { headers: { authorization: `Bearer ${key}` } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`GET ${path(n)}: ${res.status}`);
    latencies.push(performance.now() - started);
  }
  return { p50Ms: round(percentile(latencies, 50)), p99Ms: round(percentile(latencies, 99)) };
}

/** The reads measured at scale, each a function of the sample number. */
export function queryPaths(ids: readonly string[]): Record<string, (n: number) => string> {
  const id = (n: number) => ids[n % ids.length];
  return {
    list: () => '/api/projects?limit=20',
    'list?state': () => '/api/projects?state=construction&limit=20',
    'list?enterprise': (n) => `/api/projects?enterprise=ent-${String(n % 2000).padStart(4, '0')}&limit=20`,
    'list?overdue': () => '/api/projects?overdue=true&limit=20',
    'list?definition': () => '/api/projects?definition=industrial-project&limit=20',
    'list?q': () => '/api/projects?q=materials&limit=20',
    detail: (n) => `/api/projects/${id(n)}`,
    events: (n) => `/api/projects/${id(n)}/events`,
    history: (n) => `/api/projects/${id(n)}/history`,
    stats: () => '/api/stats',
    verify: (n) => `/api/audit/verify?project=${id(n)}`,
  };
}
