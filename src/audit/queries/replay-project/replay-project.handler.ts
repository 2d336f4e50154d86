import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { GetPublishedDefinitionQuery } from '../../../definitions/queries/get-published-definition/get-published-definition.query';
import type { JsonValue, LifecycleDefinition } from '../../../lifecycle/definition.types';
import type { SnapshotJson } from '../../../lifecycle/engine.types';
import { ProjectAccess } from '../../../projects/project-access';
import { keptMismatches } from '../../replay/kept-mismatches';
import { replayBoundOf, type ReplayBound } from '../../replay/replay-bounds';
import { readModelMismatches, type ReplayMismatch } from '../../replay/replay-events';
import { replayStream } from '../../replay/replay-stream';
import type { ReplayView } from '../../replay/replay-view';
import { withSnapshot, type SqlQuery } from '../../sql';
import { ReplayProjectQuery } from './replay-project.query';

/**
 * Rebuilds state and context from the events alone, through the definition version the stream was
 * started on; the read model is read only to compare with, after the last event. Events are read a
 * page at a time in one snapshot, so the pages, the last version and the read model agree.
 */
@QueryHandler(ReplayProjectQuery)
export class ReplayProjectHandler implements IQueryHandler<ReplayProjectQuery> {
  constructor(
    private readonly em: EntityManager,
    private readonly access: ProjectAccess,
    private readonly queries: QueryBus,
  ) {}

  async execute(query: ReplayProjectQuery): Promise<ReplayView> {
    const bound = replayBoundOf(query.to, query.at);
    await this.access.require(query.principal, query.projectId);
    return withSnapshot(this.em, (sql) => this.replay(sql, query.projectId, bound));
  }

  private async replay(sql: SqlQuery, projectId: string, bound: ReplayBound): Promise<ReplayView> {
    const events = keptMismatches();
    const replayed = await replayStream(sql, projectId, bound, {
      definitionOf: (key, version) => this.definitionOf(key, version),
      onMismatch: (mismatch) => events.add(mismatch),
    });
    const { atEnd, last, lastRow } = replayed;
    const readModel = atEnd && last ? await readModelCheck(sql, projectId, lastRow.version, last) : null;
    const total = events.total() + (readModel?.length ?? 0);
    return {
      projectId,
      definition: replayed.definition,
      version: lastRow.version,
      occurredAt: lastRow.occurredAt,
      state: last?.value ?? null,
      context: last?.context ?? null,
      status: last?.status ?? null,
      matches: total === 0,
      matchesEvents: events.total() === 0,
      matchesReadModel: readModel === null ? null : readModel.length === 0,
      mismatches: [...events.kept, ...(readModel ?? [])],
      mismatchCount: total,
    };
  }

  private async definitionOf(key: string, version: number): Promise<LifecycleDefinition> {
    const published = await this.queries.execute(new GetPublishedDefinitionQuery(key, version));
    return published.definition;
  }
}

async function readModelCheck(
  sql: SqlQuery,
  projectId: string,
  version: number,
  rebuilt: SnapshotJson,
): Promise<ReplayMismatch[]> {
  const [project] = await sql<{ state_value: JsonValue; context: JsonValue }>(
    'select state_value, context from projects where id = ?::uuid',
    [projectId],
  );
  return readModelMismatches(version, rebuilt, {
    state: project.state_value,
    context: project.context,
  });
}
