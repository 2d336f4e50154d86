import type { SqlQuery } from '../sql';
import { ChainVerifier } from './chain-verifier';
import { databaseItems, latestCheckpoint } from './database-source';
import { orphanBreak } from './orphan-checks';
import type { VerifyResult } from './verify-result';

/** Verifies the chains in the database (all, or one project), streaming; `progress` gets entries seen. */
export async function verifyDatabase(
  sql: SqlQuery,
  options: { projectId?: string; progress?: (entries: number) => void } = {},
): Promise<VerifyResult> {
  const checkpoint = await latestCheckpoint(sql);
  const verifier = new ChainVerifier();
  let seen = 0;
  for await (const item of databaseItems(sql, { projectId: options.projectId, checkpoint })) {
    if (item.kind === 'checkpoint') {
      // Orphans first: they locate a vanished project, which the root check can only count.
      const orphan = await orphanBreak(sql, options.projectId, checkpoint?.id ?? null);
      verifier.accept({ kind: 'checkpoint', checkpoint: null }, false);
      if (orphan) verifier.fail(orphan);
      else verifier.accept(item, options.projectId === undefined);
      break;
    }
    if (!verifier.accept(item)) break;
    if (item.kind === 'entry' && ++seen % 1000 === 0) options.progress?.(seen);
  }
  options.progress?.(seen);
  return verifier.result();
}
