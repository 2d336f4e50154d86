import { CommandHandler, EventBus, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { isInScope } from '../../../auth/principal';
import { canonicalHash } from '../../../common/canonical-json';
import { Clock } from '../../../common/clock';
import { ProblemException } from '../../../common/problem';
import { EventStore } from '../../../event-store/event-store';
import type { AppendRequest, NewEvent, ProjectHead } from '../../../event-store/event-store.types';
import { availableEvents } from '../../../lifecycle/available-events';
import type { JsonObject, LifecycleDefinition } from '../../../lifecycle/definition.types';
import type { Transitioned } from '../../../lifecycle/engine.types';
import { step } from '../../../lifecycle/step';
import { GetPublishedDefinitionQuery } from '../../../definitions/queries/get-published-definition/get-published-definition.query';
import { replayStored } from '../../idempotency-replay';
import { nulBytePaths } from '../../payload-guards';
import { readModelOf } from '../../read-model';
import { appendedEventOf, transitionAppend } from '../../transition-append';
import { refusalProblem } from '../../refusal-problem';
import type { TransitionView } from '../../project.views';
import { SendEventCommand, type StoredResponse } from './send-event.command';

/** Loads the stream head, lets the machine decide, appends in one statement, publishes after commit. */
@CommandHandler(SendEventCommand)
export class SendEventHandler implements ICommandHandler<SendEventCommand> {
  constructor(
    private readonly store: EventStore,
    private readonly queries: QueryBus,
    private readonly events: EventBus,
    private readonly clock: Clock,
  ) {}

  async execute(command: SendEventCommand): Promise<StoredResponse> {
    const requestHash = canonicalHash({
      project: command.projectId,
      type: command.type,
      payload: command.payload,
      ifMatch: command.ifMatch ?? null,
    });
    const idempotency = command.idempotencyKey
      ? { principalId: command.principal.id, key: command.idempotencyKey }
      : undefined;
    const loaded = await this.store.loadHead(command.projectId, idempotency);
    if (loaded.idempotency) return replayStored(loaded.idempotency, requestHash);
    const head = loaded.head;
    if (!head || !isInScope(command.principal, head.enterpriseId))
      throw ProblemException.notFound(`No project ${command.projectId}.`);
    return this.transition(command, head, requestHash);
  }

  private async transition(
    command: SendEventCommand,
    head: ProjectHead,
    requestHash: string,
  ): Promise<StoredResponse> {
    if (command.ifMatch !== undefined && command.ifMatch !== head.version) {
      throw new ProblemException(
        412,
        'stale-version',
        `If-Match "${command.ifMatch}" is stale; the project is at version ${head.version}.`,
        {
          currentVersion: head.version,
        },
      );
    }
    const nul = nulBytePaths(command.payload, '/payload');
    if (nul.length > 0) throw ProblemException.validation(nul);
    const { definition } = await this.queries.execute(
      new GetPublishedDefinitionQuery(head.definitionKey, head.definitionVersion),
    );
    const actor = { id: command.principal.id, role: command.principal.role };
    const occurredAt = this.clock.now().toISOString();
    const result = step(
      definition,
      head.snapshot,
      { type: command.type, payload: command.payload },
      actor,
      occurredAt,
    );
    if (!result.ok) throw refusalProblem(result.refusal);
    const version = head.version + 1;
    const body = JSON.stringify(transitionView(command, definition, result, version, occurredAt));
    const stored: StoredResponse = { status: 200, body, version };
    const record = command.idempotencyKey
      ? { principalId: command.principal.id, key: command.idempotencyKey, requestHash, status: 200, body }
      : undefined;
    const event: NewEvent = {
      type: command.type,
      payload: command.payload as JsonObject,
      actor,
      occurredAt,
      requestId: command.requestId,
      idempotencyKey: command.idempotencyKey ?? null,
    };
    if (!(await this.append(transitionAppend(head, event, result, { idempotency: record })))) {
      return this.lostRace(command, requestHash);
    }
    this.events.publish(appendedEventOf(head, event, result));
    return stored;
  }

  private async append(request: AppendRequest): Promise<boolean> {
    try {
      return (await this.store.append(request)).appended;
    } catch (error) {
      // The same Idempotency-Key committed by a concurrent request: answer as that request did.
      if (error instanceof UniqueConstraintViolationException) return false;
      throw error;
    }
  }

  /** Another writer got there first: a concurrent repeat of our key answers as the winner did. */
  private async lostRace(command: SendEventCommand, requestHash: string): Promise<StoredResponse> {
    if (command.idempotencyKey) {
      const stored = await this.store.findIdempotency(command.principal.id, command.idempotencyKey);
      if (stored) return replayStored(stored, requestHash);
    }
    throw ProblemException.conflict(
      'version-conflict',
      'Another event was appended to this project at the same time; reload and retry.',
    );
  }
}

function transitionView(
  command: SendEventCommand,
  definition: LifecycleDefinition,
  result: Transitioned,
  version: number,
  occurredAt: string,
): TransitionView {
  const model = readModelOf(result, [], version);
  return {
    projectId: command.projectId,
    version,
    event: command.type,
    occurredAt,
    state: result.value,
    statePaths: model.statePaths,
    status: model.status,
    flags: model.flags,
    availableEvents: availableEvents(definition, result.snapshot, command.principal.role).map(
      ({ type, label }) => ({ type, label }),
    ),
  };
}
