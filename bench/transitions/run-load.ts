import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { LoadResult, LoadSpec } from './load-worker';

const run = promisify(execFile);

/** Runs the load worker in its own process and answers what it measured. */
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const worker = join(__dirname, 'load-worker.js');
  const { stdout } = await run(process.execPath, [worker, JSON.stringify(spec)], {
    maxBuffer: 1 << 20,
    timeout: (spec.warmupSeconds + spec.seconds + 60) * 1000,
  });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as LoadResult;
}
