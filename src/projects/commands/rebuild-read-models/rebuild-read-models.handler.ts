import { CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Transaction } from '@mikro-orm/core';
import { RECOUNT_STATES } from '../../../database/state-counts.sql';
import { snapshotSql } from '../../../event-store/snapshot-sql';
import { canonicalJson } from '../../../common/canonical-json';
import { textArrayLiteral } from '../../../database/pg-array';
import { READ_MODEL_ASSIGNMENTS, readModelParams } from '../../../event-store/append-statement';
import { GetPublishedDefinitionQuery } from '../../../definitions/queries/get-published-definition/get-published-definition.query';
import type { ActorRole, JsonObject } from '../../../lifecycle/definition.types';
import type { ReadModel } from '../../../event-store/event-store.types';
import { foldReadModel, type StoredEvent } from '../../fold-read-model';
import { RebuildReadModelsCommand, type RebuildReport } from './rebuild-read-models.command';

interface ProjectKey {
  id: string;
  definition_key: string;
  definition_version: number;
  version: number;
  snapshot: JsonObject;
  deadlines: JsonObject[];
}

interface EventRow {
  project_id: string;
  version: number;
  type: string;
  payload: JsonObject;
  actor_id: string;
  actor_role: ActorRole;
  occurred_at: Date;
}

@CommandHandler(RebuildReadModelsCommand)
export class RebuildReadModelsHandler implements ICommandHandler<RebuildReadModelsCommand> {
  constructor(
    private readonly em: EntityManager,
    private readonly queries: QueryBus,
  ) {}

  async execute(command: RebuildReadModelsCommand): Promise<RebuildReport> {
    const connection = this.em.getConnection();
    const [{ total }] = await connection.execute<{ total: number }[]>(
      'select count(*)::int as total from projects',
    );
    const report: RebuildReport = { projects: total, rebuilt: 0, differed: [], failed: [] };
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const batch = await connection.execute<ProjectKey[]>(
        `select id, definition_key, definition_version, version, ${snapshotSql('p')} as snapshot, deadlines
         from projects p where id > ? order by id limit ?`,
        [after, command.batchSize],
      );
      if (batch.length === 0) {
        await this.recountStates();
        return report;
      }
      await this.rebuildBatch(batch, report);
      after = batch[batch.length - 1].id;
      command.onProgress(report.rebuilt + report.failed.length, total);
    }
  }

  private async rebuildBatch(batch: ProjectKey[], report: RebuildReport): Promise<void> {
    const rows = await this.em.getConnection().execute<EventRow[]>(
      `select project_id, version, type, payload, actor_id, actor_role, occurred_at from events
       where project_id = any(?::uuid[]) order by project_id, version`,
      [textArrayLiteral(batch.map((p) => p.id))],
    );
    const streams = new Map<string, StoredEvent[]>();
    for (const row of rows) {
      const stream = streams.get(row.project_id) ?? [];
      stream.push({
        version: row.version,
        type: row.type,
        payload: row.payload,
        actor: { id: row.actor_id, role: row.actor_role },
        occurredAt: new Date(row.occurred_at).toISOString(),
      });
      streams.set(row.project_id, stream);
    }
    for (const project of batch) {
      const { definition } = await this.queries.execute(
        new GetPublishedDefinitionQuery(project.definition_key, project.definition_version),
      );
      const folded = foldReadModel(definition, streams.get(project.id) ?? []);
      if (!folded.ok) {
        report.failed.push({ projectId: project.id, version: folded.version, reason: folded.refusal.kind });
        continue;
      }
      if (
        canonicalJson(folded.readModel.snapshot) !== canonicalJson(project.snapshot) ||
        canonicalJson(folded.readModel.deadlines) !== canonicalJson(project.deadlines)
      ) {
        report.differed.push(project.id);
      }
      await this.store(project.id, folded.version, folded.readModel);
      report.rebuilt += 1;
    }
  }

  /** The per-state counters are a read model too: recomputed from the events in one transaction. */
  private async recountStates(): Promise<void> {
    await this.em.fork().transactional(async (em) => {
      const tx = em.getTransactionContext<Transaction>();
      for (const statement of RECOUNT_STATES) await em.getConnection().execute(statement, [], 'run', tx);
    });
  }

  /** Writes the recomputed columns unless an append moved the project on meanwhile. */
  private async store(id: string, version: number, model: ReadModel): Promise<void> {
    await this.em
      .getConnection()
      .execute(`update projects set ${READ_MODEL_ASSIGNMENTS} where id = ? and version = ?`, [
        ...readModelParams(model),
        id,
        version,
      ]);
  }
}
