import { Logger } from '@nestjs/common';
import { CommandHandler, EventBus, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import type { Transaction } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Clock } from '../../../common/clock';
import { GetPublishedDefinitionQuery } from '../../../definitions/queries/get-published-definition/get-published-definition.query';
import { EventStore } from '../../../event-store/event-store';
import { step } from '../../../lifecycle/step';
import { EventAppended } from '../../../projects/events/event-appended.event';
import { appendedEventOf, transitionAppend } from '../../../projects/transition-append';
import { FireDueTimersCommand, type FiringReport } from './fire-due-timers.command';

interface DueTimer {
  project_id: string;
  timer_key: string;
  armed_version: number;
  event_type: string;
  due_at: Date;
}

type Outcome = { kind: 'fired'; event: EventAppended } | { kind: 'void'; note: string } | { kind: 'retry' };

export const SYSTEM_ACTOR = { id: 'system', role: 'system' as const };

/**
 * A fired timer and the event it causes commit together, once: the claim lock is held until the
 * transaction that appends the event (and marks the timer fired in the same statement) commits.
 * Each timer runs under a savepoint, so one bad row is voided and reported, never the batch.
 */
@CommandHandler(FireDueTimersCommand)
export class FireDueTimersHandler implements ICommandHandler<FireDueTimersCommand> {
  private readonly logger = new Logger('Timers');

  constructor(
    private readonly em: EntityManager,
    private readonly store: EventStore,
    private readonly queries: QueryBus,
    private readonly events: EventBus,
    private readonly clock: Clock,
  ) {}

  async execute({ batchSize }: FireDueTimersCommand): Promise<FiringReport> {
    const report: FiringReport = { fired: 0, voided: 0, retried: 0 };
    const appended: EventAppended[] = [];
    await this.em.fork().transactional(async (em) => {
      const tx = em.getTransactionContext<Transaction>();
      const due = await em.getConnection().execute<DueTimer[]>(
        `select project_id, timer_key, armed_version, event_type, due_at from timers
         where status = 'armed' and due_at <= ?::timestamptz order by due_at, project_id limit ? for update skip locked`,
        [this.clock.now().toISOString(), batchSize],
        'all',
        tx,
      );
      for (const timer of due) {
        const outcome = await this.guarded(em, tx, timer);
        if (outcome.kind === 'fired') appended.push(outcome.event);
        report[outcome.kind === 'void' ? 'voided' : outcome.kind === 'fired' ? 'fired' : 'retried'] += 1;
      }
    });
    for (const event of appended) this.events.publish(event);
    return report;
  }

  private async guarded(em: EntityManager, tx: Transaction | undefined, timer: DueTimer): Promise<Outcome> {
    const connection = em.getConnection();
    await connection.execute('savepoint timer', [], 'run', tx);
    try {
      const outcome = await this.fire(tx, timer);
      if (outcome.kind === 'void') await this.settle(em, tx, timer, 'void', outcome.note);
      await connection.execute('release savepoint timer', [], 'run', tx);
      return outcome;
    } catch (error) {
      await connection.execute('rollback to savepoint timer', [], 'run', tx);
      const note = `could not fire: ${error instanceof Error ? error.message : String(error)}`;
      this.logger.error(`timer ${timer.timer_key} of project ${timer.project_id}: ${note}`);
      await this.settle(em, tx, timer, 'void', note.slice(0, 1000));
      return { kind: 'void', note };
    }
  }

  private async fire(tx: Transaction | undefined, timer: DueTimer): Promise<Outcome> {
    const { head } = await this.store.loadHead(timer.project_id, undefined, tx);
    if (!head) return { kind: 'void', note: 'project not found' };
    const { definition } = await this.queries.execute(
      new GetPublishedDefinitionQuery(head.definitionKey, head.definitionVersion),
    );
    // Recorded when fired (never before the project's last event); the deadline itself travels in the payload.
    const at = new Date(Math.max(this.clock.now().getTime(), Date.parse(head.updatedAt))).toISOString();
    const payload = { dueAt: new Date(timer.due_at).toISOString() };
    const result = step(definition, head.snapshot, { type: timer.event_type, payload }, SYSTEM_ACTOR, at);
    if (!result.ok) return { kind: 'void', note: `the machine refused: ${result.refusal.kind}` };
    const event = {
      type: timer.event_type,
      payload,
      actor: SYSTEM_ACTOR,
      occurredAt: at,
      requestId: null,
      idempotencyKey: null,
    };
    const firedTimer = { key: timer.timer_key, armedVersion: timer.armed_version };
    const outcome = await this.store.append(transitionAppend(head, event, result, { firedTimer }), tx);
    if (!outcome.appended) return { kind: 'retry' };
    return { kind: 'fired', event: appendedEventOf(head, event, result) };
  }

  private async settle(
    em: EntityManager,
    tx: Transaction | undefined,
    timer: DueTimer,
    status: 'void',
    note: string,
  ): Promise<void> {
    await em.getConnection().execute(
      `update timers set status = ?, settled_at = ?::timestamptz, note = ?
       where project_id = ? and timer_key = ? and armed_version = ?`,
      [status, this.clock.now().toISOString(), note, timer.project_id, timer.timer_key, timer.armed_version],
      'run',
      tx,
    );
  }
}
