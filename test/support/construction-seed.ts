import { CommandBus } from '@nestjs/cqrs';
import { CreateProjectCommand } from '../../src/projects/commands/create-project/create-project.command';
import { SendEventCommand } from '../../src/projects/commands/send-event/send-event.command';
import type { TestApp } from './test-app';

/** The overdue timer the shipped lifecycle arms on entering construction. */
export const OVERDUE_EVENT = 'xstate.after.overdue.industrial-project.construction.active';

/**
 * Brings `count` projects into construction through the command bus, `parallel` at a time. Their
 * planned completion is long past, so each one's overdue timer is due at once.
 */
export async function seedProjectsInConstruction(t: TestApp, count: number, parallel = 20): Promise<void> {
  const bus = t.app.get(CommandBus);
  const owner = { id: 'seed', name: 'seed', role: 'enterprise' as const, enterpriseId: 'ent-a' };
  const bureau = { id: 'bureau', name: 'bureau', role: 'bureau' as const };
  const data = { plannedCompletion: '2017-12-31', plannedInvestment: 1e7, industry: 'other' };
  const one = async (n: number) => {
    const created = await bus.execute(
      new CreateProjectCommand(
        owner,
        'industrial-project',
        undefined,
        `p${n}`,
        data,
        'ent-a',
        undefined,
        null,
      ),
    );
    const id = (JSON.parse(created.body) as { id: string }).id;
    await bus.execute(
      new SendEventCommand(owner, id, 'SUBMIT', { applicant: 'a' }, undefined, undefined, null),
    );
    await bus.execute(
      new SendEventCommand(bureau, id, 'APPROVE', { approvalNo: 'n' }, undefined, undefined, null),
    );
  };
  for (let start = 0; start < count; start += parallel) {
    await Promise.all(Array.from({ length: Math.min(parallel, count - start) }, (_, i) => one(start + i)));
  }
}
