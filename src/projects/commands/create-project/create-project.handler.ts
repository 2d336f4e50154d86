import { randomUUID } from 'node:crypto';
import { CommandHandler, EventBus, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { canonicalHash } from '../../../common/canonical-json';
import { Clock } from '../../../common/clock';
import { ProblemException } from '../../../common/problem';
import { GetPublishedDefinitionQuery } from '../../../definitions/queries/get-published-definition/get-published-definition.query';
import { EventStore } from '../../../event-store/event-store';
import type { IdempotencyRecord } from '../../../event-store/event-store.types';
import type { JsonObject } from '../../../lifecycle/definition.types';
import { initialize } from '../../../lifecycle/initialize';
import { PROJECT_CREATED } from '../../creation-event';
import { EventAppended } from '../../events/event-appended.event';
import { replayStored } from '../../idempotency-replay';
import { nulBytePaths } from '../../payload-guards';
import { projectViewOf } from '../../project.views';
import { readModelOf } from '../../read-model';
import { refusalProblem } from '../../refusal-problem';
import type { StoredResponse } from '../send-event/send-event.command';
import { CreateProjectCommand } from './create-project.command';

/** Starts an instance of a published definition; its first event records the creation data. */
@CommandHandler(CreateProjectCommand)
export class CreateProjectHandler implements ICommandHandler<CreateProjectCommand> {
  constructor(
    private readonly store: EventStore,
    private readonly queries: QueryBus,
    private readonly events: EventBus,
    private readonly clock: Clock,
  ) {}

  async execute(command: CreateProjectCommand): Promise<StoredResponse> {
    const requestHash = canonicalHash({
      definition: command.definitionKey,
      version: command.definitionVersion ?? null,
      title: command.title,
      data: command.data,
      enterpriseId: command.enterpriseId,
    });
    const stored = command.idempotencyKey
      ? await this.store.findIdempotency(command.principal.id, command.idempotencyKey)
      : undefined;
    if (stored) return replayStored(stored, requestHash);
    const nul = nulBytePaths(command.data, '/data');
    if (nul.length > 0) throw ProblemException.validation(nul);
    const published = await this.queries.execute(
      new GetPublishedDefinitionQuery(command.definitionKey, command.definitionVersion),
    );
    const actor = { id: command.principal.id, role: command.principal.role };
    const now = this.clock.now();
    const occurredAt = now.toISOString();
    const result = initialize(published.definition, command.data, actor, occurredAt);
    if (!result.ok) throw refusalProblem(result.refusal);
    const projectId = randomUUID();
    const readModel = readModelOf(result, [], 1);
    const definition = { key: published.key, version: published.version };
    const view = projectViewOf(
      {
        id: projectId,
        enterprise_id: command.enterpriseId,
        title: command.title,
        definition_key: definition.key,
        definition_version: definition.version,
        state_value: readModel.stateValue,
        state_paths: readModel.statePaths,
        status: readModel.status,
        context: readModel.context,
        flags: readModel.flags,
        overdue: readModel.overdue,
        overdue_since: readModel.overdueSince,
        deadlines: readModel.deadlines,
        version: 1,
        created_at: occurredAt,
        updated_at: occurredAt,
      },
      now,
    );
    const body = JSON.stringify(view);
    const idempotency: IdempotencyRecord | undefined = command.idempotencyKey
      ? { principalId: command.principal.id, key: command.idempotencyKey, requestHash, status: 201, body }
      : undefined;
    const payload: JsonObject = {
      title: command.title,
      enterpriseId: command.enterpriseId,
      data: command.data as JsonObject,
    };
    try {
      await this.store.create({
        projectId,
        enterpriseId: command.enterpriseId,
        title: command.title,
        definition,
        event: {
          type: PROJECT_CREATED,
          payload,
          actor,
          occurredAt,
          requestId: command.requestId,
          idempotencyKey: command.idempotencyKey ?? null,
        },
        readModel,
        timers: result.effects,
        idempotency,
        createdAt: occurredAt,
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException && command.idempotencyKey) {
        const winner = await this.store.findIdempotency(command.principal.id, command.idempotencyKey);
        if (winner) return replayStored(winner, requestHash);
      }
      throw error;
    }
    this.events.publish(
      new EventAppended(
        projectId,
        command.enterpriseId,
        1,
        PROJECT_CREATED,
        actor,
        occurredAt,
        null,
        result.value,
        definition,
      ),
    );
    return { status: 201, body, version: 1 };
  }
}
