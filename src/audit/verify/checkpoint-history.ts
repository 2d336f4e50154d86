import type { KeyObject } from 'node:crypto';
import { signatureProblem } from '../checkpoint/checkpoint-trust';
import { MerkleRoot } from '../checkpoint/merkle';
import type { SqlQuery } from '../sql';
import { BATCH_SIZE, checkpointOf, type CheckpointRow } from './database-source';
import type { CheckpointRecord } from './verify-items';
import { broken, type BrokenPlace } from './verify-result';

const FIRST_UUID = '00000000-0000-0000-0000-000000000000';

interface HeadMismatch {
  checkpoint_id: number;
  project_id: string;
  version: number;
  hash: string;
  found: string | null;
}

/**
 * What the pass over the streams, which reads the latest checkpoint only, cannot see: a tail cut before
 * a later checkpoint was taken. Every checkpoint's heads must still be in the chains (an entry at each
 * head's version with that hash); over the whole log, each earlier checkpoint's root must also cover its
 * stored heads and its signature hold.
 */
export async function checkpointHistoryBreak(
  sql: SqlQuery,
  options: { projectId?: string; latestId: number | null; pinnedKey: KeyObject | null },
): Promise<BrokenPlace | null> {
  const head = await headMismatch(sql, options.projectId);
  if (head) return head;
  if (options.projectId !== undefined || options.latestId === null) return null;
  return earlierRootBreak(sql, options.latestId, options.pinnedKey);
}

/** The first recorded head, in (project, version) order, with no entry of that hash at its version. */
async function headMismatch(sql: SqlQuery, projectId: string | undefined): Promise<BrokenPlace | null> {
  // Joined from checkpoints so one project's heads are found by primary key, one probe per checkpoint.
  const [row] = await sql<HeadMismatch>(
    `select h.checkpoint_id, h.project_id, h.version, h.hash, a.hash as found
     from checkpoints c
     join checkpoint_heads h on h.checkpoint_id = c.id ${projectId ? 'and h.project_id = ?::uuid' : ''}
     left join audit_entries a on a.project_id = h.project_id and a.version = h.version
     where a.hash is distinct from h.hash
     order by h.project_id, h.version, h.checkpoint_id
     limit 1`,
    projectId ? [projectId] : [],
  );
  if (!row) return null;
  const expected = { checkpoint: row.checkpoint_id, version: row.version, hash: row.hash };
  if (row.found !== null)
    return broken({
      projectId: row.project_id,
      version: row.version,
      reason: 'modified',
      check: 'checkpoint',
      expected,
      found: row.found,
    });
  const [last] = await sql<{ version: number | null; hash: string | null }>(
    `select version, hash from audit_entries where project_id = ?::uuid order by version desc limit 1`,
    [row.project_id],
  );
  const lastVersion = last?.version ?? 0;
  return broken({
    projectId: row.project_id,
    version: lastVersion < row.version ? lastVersion + 1 : row.version,
    reason: lastVersion < row.version ? 'truncated' : 'missing',
    check: 'checkpoint',
    expected,
    found: last ? { version: last.version, hash: last.hash } : null,
  });
}

/** Each checkpoint before the latest, oldest first: its root over its stored heads, and its signature. */
async function earlierRootBreak(
  sql: SqlQuery,
  latestId: number,
  pinnedKey: KeyObject | null,
): Promise<BrokenPlace | null> {
  // Checkpoints before the first signed one were taken before a key was configured; after it, all are signed.
  let signedBefore = false;
  let after = 0;
  for (;;) {
    const rows = await sql<CheckpointRow>(
      `select id, created_at, head_count, root, algorithm, signature, public_key from checkpoints
       where id > ? and id < ? order by id limit 100`,
      [after, latestId],
    );
    for (const record of rows.map(checkpointOf)) {
      const problem = (await rootProblem(sql, record)) ?? signatureProblem(record, pinnedKey, signedBefore);
      if (problem) return broken({ projectId: null, version: null, ...problem });
      signedBefore ||= record.signature !== null;
    }
    if (rows.length < 100) return null;
    after = rows[rows.length - 1].id;
  }
}

async function rootProblem(sql: SqlQuery, record: CheckpointRecord) {
  const tree = new MerkleRoot();
  let after = FIRST_UUID;
  for (;;) {
    const heads = await sql<{ project_id: string; version: number; hash: string }>(
      `select project_id, version, hash from checkpoint_heads
       where checkpoint_id = ? and project_id > ?::uuid order by project_id limit ?`,
      [record.id, after, BATCH_SIZE],
    );
    for (const h of heads) tree.add({ projectId: h.project_id, version: h.version, hash: h.hash });
    if (heads.length < BATCH_SIZE) break;
    after = heads[heads.length - 1].project_id;
  }
  const seen = { count: tree.count, root: tree.root() };
  if (record.count === seen.count && record.root === seen.root) return null;
  return {
    reason: record.count > seen.count ? ('truncated' as const) : ('modified' as const),
    check: 'checkpoint.root',
    expected: { checkpoint: record.id, count: record.count, root: record.root },
    found: seen,
  };
}
