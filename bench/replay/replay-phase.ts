import { randomUUID } from 'node:crypto';
import type { Sizes } from '../config/sizes';
import { shippedDefinition } from '../engine/definition';
import { buildHistory, type History } from '../engine/history';
import { PROJECT_DATA } from '../engine/payloads';
import { replicate, type Replica } from '../engine/replica';
import { ACTORS, longHistory } from '../engine/scripts';
import { progress } from '../report/progress';
import type { LifecycleDefinition } from '../../src/lifecycle/definition.types';
import { bareLoop } from './bare-loop';
import { replayVerified } from './replay-verified';

export interface ReplayFigure {
  events: number;
  eventsPerSecond: number;
  ceilingEventsPerSecond: number;
  ratio: number;
}

export interface ReplayOutcome {
  longHistory: ReplayFigure;
  manyProjects: ReplayFigure & { projects: number };
}

const DAY_MS = 86_400_000;
const START_MS = Date.parse('2016-01-04T02:00:00Z');

/** Replay with verification against the bare XState loop, on one long history and many short ones. */
export async function replayPhase(sizes: Sizes, longHistory: History): Promise<ReplayOutcome> {
  const definition = await shippedDefinition();
  const long = replicate(longHistory, identity(0));
  const short = generate(definition, sizes.eventsPerProject);
  progress(`replay: replicating ${sizes.manyProjects} projects of ${short.events.length} events`);
  const many = Array.from({ length: sizes.manyProjects }, (_, n) => replicate(short, identity(n + 1)));
  warmUp(definition, many.slice(0, 200));
  progress('replay: measuring the long history');
  const longFigure = measure(definition, [long]);
  progress(
    `replay: long history ${longFigure.eventsPerSecond.toFixed(0)} events/s (ceiling ${longFigure.ceilingEventsPerSecond.toFixed(0)})`,
  );
  progress(`replay: measuring ${sizes.manyProjects} projects`);
  const manyProjects = { ...measure(definition, many), projects: many.length };
  progress(
    `replay: many projects ${manyProjects.eventsPerSecond.toFixed(0)} events/s (ceiling ${manyProjects.ceilingEventsPerSecond.toFixed(0)})`,
  );
  return { longHistory: longFigure, manyProjects };
}

/** A history of exactly `events` events: creation, into construction, then reports and coaching. */
export function generate(definition: LifecycleDefinition, events: number): History {
  const data = { ...PROJECT_DATA, plannedCompletion: '2040-12-31' };
  return buildHistory(definition, data, ACTORS.enterprise, longHistory(events), START_MS, DAY_MS);
}

function identity(n: number) {
  return { projectId: randomUUID(), enterpriseId: `ent-${n % 2000}`, title: `回放项目 replay project ${n}` };
}

/** Lets V8 optimise both paths before either is timed. */
function warmUp(definition: LifecycleDefinition, replicas: Replica[]): void {
  for (const replica of replicas) {
    replayVerified(definition, replica);
    bareLoop(definition, replica.history);
  }
}

function measure(definition: LifecycleDefinition, replicas: Replica[]): ReplayFigure {
  const events = replicas.reduce((sum, replica) => sum + replica.events.length, 0);
  const verifiedMs = timed(() => replicas.forEach((replica) => replayVerified(definition, replica)));
  const bareMs = timed(() => replicas.forEach((replica) => bareLoop(definition, replica.history)));
  const eventsPerSecond = (events * 1000) / verifiedMs;
  const ceilingEventsPerSecond = (events * 1000) / bareMs;
  return { events, eventsPerSecond, ceilingEventsPerSecond, ratio: eventsPerSecond / ceilingEventsPerSecond };
}

function timed(work: () => void): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}
