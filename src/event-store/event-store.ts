import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Transaction } from '@mikro-orm/core';
import { PreparedSql } from '../database/prepared-sql';
import { GENESIS_HASH } from '../audit/audit-entry';
import { snapshotSql } from './snapshot-sql';
import { APPEND_SQL, appendParams, chained, CREATE_SQL, createParams } from './append-statement';
import type { SnapshotJson } from '../lifecycle/engine.types';
import type {
  AppendOutcome,
  AppendRequest,
  CreateRequest,
  Deadline,
  IdempotencyRecord,
  ProjectHead,
} from './event-store.types';

export interface LoadedHead {
  head?: ProjectHead;
  idempotency?: IdempotencyRecord;
}

interface HeadRow {
  id: string | null;
  enterprise_id: string;
  title: string;
  definition_key: string;
  definition_version: number;
  snapshot: SnapshotJson;
  deadlines: Deadline[];
  version: number;
  chain_head: string;
  updated_at: Date;
  request_hash: string | null;
  idem_status: number;
  idem_body: string;
}

/**
 * Appends events. Each append is ONE SQL statement (append-statement.ts): the read-model update guarded
 * by the expected version and, conditional on it, the event, its hash-chained audit entry, the idempotency
 * record, timer changes and state counters. One statement is one transaction and one round trip.
 */
@Injectable()
export class EventStore {
  private readonly wakeWithinMs: number;

  constructor(
    private readonly em: EntityManager,
    private readonly sql: PreparedSql,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.wakeWithinMs = config.timers.pollMs;
  }

  async append(request: AppendRequest, tx?: Transaction): Promise<AppendOutcome> {
    const write = chained({
      ...request,
      version: request.expectedVersion + 1,
      wakeWithinMs: this.wakeWithinMs,
    });
    const rows = await this.sql.query<{ appended: number }>(
      'waypost_append',
      APPEND_SQL,
      appendParams(request, write),
      tx,
    );
    return rows[0].appended === 1 ? { appended: true, hash: write.hash } : { appended: false };
  }

  async create(request: CreateRequest, tx?: Transaction): Promise<string> {
    const write = chained({
      ...request,
      version: 1,
      stateBefore: null,
      prevHash: GENESIS_HASH,
      wakeWithinMs: this.wakeWithinMs,
    });
    await this.sql.query('waypost_create', CREATE_SQL, createParams(request, write), tx);
    return write.hash;
  }

  /** The stream head and, when a key is given, its idempotency record: one round trip. */
  async loadHead(
    projectId: string,
    idempotency?: { principalId: string; key: string },
    tx?: Transaction,
  ): Promise<LoadedHead> {
    const rows = await this.sql.query<HeadRow>(
      'waypost_load_head',
      `select p.id, p.enterprise_id, p.title, p.definition_key, p.definition_version, ${snapshotSql('p')} as snapshot, p.deadlines,
              p.version, p.chain_head, p.updated_at, i.request_hash, i.status as idem_status, i.body as idem_body
       from (select 1) as one
       left join projects p on p.id = ?
       left join idempotency_records i on i.principal_id = ? and i.key = ?`,
      [projectId, idempotency?.principalId ?? null, idempotency?.key ?? null],
      tx,
    );
    const row = rows[0];
    const head: ProjectHead | undefined = row.id
      ? {
          id: row.id,
          enterpriseId: row.enterprise_id,
          title: row.title,
          definitionKey: row.definition_key,
          definitionVersion: row.definition_version,
          snapshot: row.snapshot,
          deadlines: row.deadlines,
          version: row.version,
          chainHead: row.chain_head,
          updatedAt: new Date(row.updated_at).toISOString(),
        }
      : undefined;
    const stored =
      idempotency && row.request_hash !== null
        ? { ...idempotency, requestHash: row.request_hash, status: row.idem_status, body: row.idem_body }
        : undefined;
    return { head, idempotency: stored };
  }

  async findIdempotency(principalId: string, key: string): Promise<IdempotencyRecord | undefined> {
    const rows = await this.em
      .getConnection()
      .execute<{ request_hash: string; status: number; body: string }[]>(
        'select request_hash, status, body from idempotency_records where principal_id = ? and key = ?',
        [principalId, key],
      );
    const row = rows[0];
    return row && { principalId, key, requestHash: row.request_hash, status: row.status, body: row.body };
  }
}
