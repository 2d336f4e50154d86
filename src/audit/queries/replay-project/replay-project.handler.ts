import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { GetPublishedDefinitionQuery } from '../../../definitions/queries/get-published-definition/get-published-definition.query';
import type { JsonValue } from '../../../lifecycle/definition.types';
import { ProjectAccess } from '../../../projects/project-access';
import { loadProjectEvents, replayRowOf } from '../../replay/event-rows';
import { keptCount, replayBoundOf } from '../../replay/replay-bounds';
import { readModelMismatches, replayEvents } from '../../replay/replay-events';
import type { ReplayView } from '../../replay/replay-view';
import { sqlOfEntityManager } from '../../sql';
import { ReplayProjectQuery } from './replay-project.query';

/**
 * Rebuilds state and context from the events alone, through the definition version the stream was
 * started on; the read model is read only to compare with, after the last event.
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
    const sql = sqlOfEntityManager(this.em);
    const stored = await loadProjectEvents(sql, query.projectId);
    const all = stored.map(replayRowOf);
    const rows = all.slice(0, keptCount(bound, all));
    const first = stored[0];
    const definition = { key: first.definition_key, version: first.definition_version };
    const published = await this.queries.execute(
      new GetPublishedDefinitionQuery(definition.key, definition.version),
    );
    const outcome = replayEvents(published.definition, rows);
    const lastRow = rows[rows.length - 1];
    const eventMismatches = outcome.mismatches;
    let readModel: ReplayView['mismatches'] | null = null;
    if (lastRow.version === all[all.length - 1].version && outcome.last) {
      const [project] = await sql<{ state_value: JsonValue; context: JsonValue }>(
        'select state_value, context from projects where id = ?::uuid',
        [query.projectId],
      );
      readModel = readModelMismatches(lastRow.version, outcome.last, {
        state: project.state_value,
        context: project.context,
      });
    }
    const mismatches = [...eventMismatches, ...(readModel ?? [])];
    return {
      projectId: query.projectId,
      definition,
      version: lastRow.version,
      occurredAt: lastRow.occurredAt,
      state: outcome.last?.value ?? null,
      context: outcome.last?.context ?? null,
      status: outcome.last?.status ?? null,
      matches: mismatches.length === 0,
      matchesEvents: eventMismatches.length === 0,
      matchesReadModel: readModel === null ? null : readModel.length === 0,
      mismatches,
    };
  }
}
