import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { percentile } from '../report/percentile';
import { SENTINEL, type Statement, type TransitionStatements } from './capture-statements';
import type { CeilingResult } from './run-pgbench';

/** The ceiling without pgbench: the same three statements from bare `pg` clients, one loop per client. */
export async function runPgLoop(
  url: string,
  statements: TransitionStatements,
  projectIds: readonly string[],
  options: { clients: number; seconds: number },
): Promise<CeilingResult> {
  const latencies: number[] = [];
  const deadline = Date.now() + options.seconds * 1000;
  const client = async (): Promise<void> => {
    const pg = new Client({ connectionString: url });
    await pg.connect();
    try {
      while (Date.now() < deadline) {
        const started = performance.now();
        await transition(pg, statements, projectIds[Math.floor(Math.random() * projectIds.length)]);
        latencies.push(performance.now() - started);
      }
    } finally {
      await pg.end();
    }
  };
  await Promise.all(Array.from({ length: options.clients }, client));
  return {
    perSecond: latencies.length / options.seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    transactions: latencies.length,
    failed: 0,
  };
}

async function transition(pg: Client, statements: TransitionStatements, projectId: string): Promise<void> {
  const key = randomBytes(12).toString('hex');
  const head = await query(pg, statements.loadHead, (value) =>
    value === SENTINEL.projectId ? projectId : value === SENTINEL.key ? key : value,
  );
  const version = Number(head[0].version);
  await query(pg, statements.append, (value) => {
    if (value === SENTINEL.projectId) return projectId;
    if (value === SENTINEL.expectedVersion) return version;
    if (value === SENTINEL.version) return version + 1;
    return value === SENTINEL.key ? key : value;
  });
}

async function query(
  pg: Client,
  statement: Statement,
  bind: (value: unknown) => unknown,
): Promise<Record<string, unknown>[]> {
  let index = 0;
  const text = statement.sql.replace(/\?/g, () => `$${++index}`);
  return (await pg.query<Record<string, unknown>>(text, statement.params.map(bind))).rows;
}
