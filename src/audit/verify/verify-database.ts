import type { KeyObject } from 'node:crypto';
import type { SqlQuery } from '../sql';
import { ChainVerifier } from './chain-verifier';
import { checkpointHistoryBreak } from './checkpoint-history';
import { databaseItems, latestCheckpoint } from './database-source';
import { orphanBreak } from './orphan-checks';
import type { VerifyResult } from './verify-result';

export interface VerifyDatabaseOptions {
  projectId?: string;
  /** The key checkpoint signatures must verify under; null trusts the key each checkpoint carries. */
  pinnedKey?: KeyObject | null;
  progress?: (entries: number) => void;
}

/** Verifies the chains in the database (all, or one project), streaming; `progress` gets entries seen. */
export async function verifyDatabase(
  sql: SqlQuery,
  options: VerifyDatabaseOptions = {},
): Promise<VerifyResult> {
  const checkpoint = await latestCheckpoint(sql);
  const pinnedKey = options.pinnedKey ?? null;
  const verifier = new ChainVerifier(pinnedKey);
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
  if (verifier.result().ok) {
    const history = await checkpointHistoryBreak(sql, {
      projectId: options.projectId,
      latestId: checkpoint?.id ?? null,
      pinnedKey,
    });
    if (history) verifier.fail(history);
  }
  return verifier.result();
}
