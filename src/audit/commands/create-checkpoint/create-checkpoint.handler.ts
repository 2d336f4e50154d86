import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { IsolationLevel, type Transaction } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Clock } from '../../../common/clock';
import { AUDIT_SETTINGS, type AuditSettings } from '../../audit-settings';
import type { CheckpointView } from '../../audit.views';
import { signerOf } from '../../checkpoint/checkpoint-key';
import { MerkleRoot } from '../../checkpoint/merkle';
import { BATCH_SIZE, checkpointOf } from '../../verify/database-source';
import { CreateCheckpointCommand } from './create-checkpoint.command';

/** Serialises checkpoint takers across instances. */
export const CHECKPOINT_LOCK = 872_310;

interface HeadRow {
  id: string;
  version: number;
  chain_head: string;
}

/**
 * Stores a Merkle root over every project's chain head, signed when a key is configured. One
 * repeatable-read transaction, so the heads hashed and the heads stored are the same snapshot.
 */
@CommandHandler(CreateCheckpointCommand)
export class CreateCheckpointHandler implements ICommandHandler<CreateCheckpointCommand> {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    @Inject(AUDIT_SETTINGS) private readonly settings: AuditSettings,
  ) {}

  execute(command: CreateCheckpointCommand): Promise<CheckpointView | null> {
    return this.em.getConnection().transactional((tx) => this.take(tx, command.onlyIfFree), {
      isolationLevel: IsolationLevel.REPEATABLE_READ,
    });
  }

  private async take(tx: Transaction, onlyIfFree: boolean): Promise<CheckpointView | null> {
    if (!(await this.lock(tx, onlyIfFree))) return null;
    const tree = await this.rootOfHeads(tx);
    const fields = { createdAt: this.clock.now().toISOString(), count: tree.count, root: tree.root() };
    const signer = this.settings.checkpointKey ? signerOf(this.settings.checkpointKey) : null;
    const rows = await this.em.getConnection().execute<Parameters<typeof checkpointOf>[0][]>(
      `insert into checkpoints (created_at, head_count, root, algorithm, signature, public_key)
       values (?::timestamptz, ?, ?, ?, ?, ?)
       returning id, created_at, head_count, root, algorithm, signature, public_key`,
      [
        fields.createdAt,
        fields.count,
        fields.root,
        signer ? 'Ed25519' : null,
        signer ? signer.sign(fields) : null,
        signer ? signer.publicKeyPem : null,
      ],
      'all',
      tx,
    );
    const checkpoint = checkpointOf(rows[0]);
    await this.em.getConnection().execute(
      `insert into checkpoint_heads (checkpoint_id, project_id, version, hash)
       select ?, id, version, chain_head from projects`,
      [checkpoint.id],
      'all',
      tx,
    );
    return checkpoint;
  }

  /** The scheduled taker skips when another instance holds the lock; an on-demand one waits. */
  private async lock(tx: Transaction, onlyIfFree: boolean): Promise<boolean> {
    const sql = onlyIfFree
      ? 'select pg_try_advisory_xact_lock(?) as ok'
      : 'select true as ok from (select pg_advisory_xact_lock(?)) as waited';
    const rows = await this.em.getConnection().execute<{ ok: boolean }[]>(sql, [CHECKPOINT_LOCK], 'all', tx);
    return rows[0].ok;
  }

  private async rootOfHeads(tx: Transaction): Promise<MerkleRoot> {
    const tree = new MerkleRoot();
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await this.em
        .getConnection()
        .execute<HeadRow[]>(
          'select id, version, chain_head from projects where id > ?::uuid order by id limit ?',
          [after, BATCH_SIZE],
          'all',
          tx,
        );
      for (const row of rows) tree.add({ projectId: row.id, version: row.version, hash: row.chain_head });
      if (rows.length < BATCH_SIZE) return tree;
      after = rows[rows.length - 1].id;
    }
  }
}
