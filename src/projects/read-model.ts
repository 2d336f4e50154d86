import type { JsonObject } from '../lifecycle/definition.types';
import type { TimerEffects, Transitioned } from '../lifecycle/engine.types';
import { statePathsOf } from '../lifecycle/state-paths';
import type { Deadline, ReadModel } from '../event-store/event-store.types';

/**
 * The timer changes an event really makes: a state re-entered cancels and re-arms its timers, and where
 * a re-armed timer is due exactly when the armed one was, nothing changes (the row and its version stay).
 */
export function netTimerEffects(previous: Deadline[], effects: TimerEffects): TimerEffects {
  const unchanged = new Set(
    effects.arm
      .filter((timer) =>
        previous.some(
          (d) => d.key === timer.key && d.dueAt === timer.dueAt && d.eventType === timer.eventType,
        ),
      )
      .map((timer) => timer.key),
  );
  if (unchanged.size === 0) return effects;
  return {
    cancel: effects.cancel.filter((key) => !unchanged.has(key)),
    arm: effects.arm.filter((timer) => !unchanged.has(timer.key)),
  };
}

/** Deadlines after an event: those of states left are gone, those of states entered are added. */
export function nextDeadlines(previous: Deadline[], effects: TimerEffects, version: number): Deadline[] {
  const kept = previous.filter((deadline) => !effects.cancel.includes(deadline.key));
  const armed = effects.arm.map((timer) => ({ ...timer, armedVersion: version }));
  return [...kept, ...armed].sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.key.localeCompare(b.key));
}

function flagsOf(context: JsonObject): Record<string, unknown> {
  const flags = context.flags;
  return typeof flags === 'object' && flags !== null && !Array.isArray(flags) ? flags : {};
}

/**
 * The read-model columns for the state a transition produced; pure, so rebuilds compute the same.
 * Flags mark what needs attention now: a project in a final state needs none and is not at risk,
 * so it carries no flags, no overdue mark and no deadlines (its context keeps what was raised).
 */
export function readModelOf(result: Transitioned, previousDeadlines: Deadline[], version: number): ReadModel {
  const flags = result.done ? {} : flagsOf(result.context);
  const overdueSince = result.context.overdueSince;
  return {
    stateValue: result.value,
    statePaths: statePathsOf(result.value),
    status: result.done ? 'done' : 'active',
    context: result.context,
    snapshot: result.snapshot,
    overdue: flags.overdue === true,
    overdueSince: flags.overdue === true && typeof overdueSince === 'string' ? overdueSince : null,
    flags: Object.keys(flags)
      .filter((flag) => flags[flag] === true)
      .sort(),
    deadlines: result.done
      ? []
      : nextDeadlines(previousDeadlines, netTimerEffects(previousDeadlines, result.effects), version),
  };
}
