import { randomUUID } from 'node:crypto';
import type { LifecycleDefinition } from '../../src/lifecycle/definition.types';
import { CopyStream } from '../db/psql-copy';
import { buildHistory, type History } from '../engine/history';
import { PROJECT_DATA } from '../engine/payloads';
import { replicate, type Replica } from '../engine/replica';
import { ACTORS, SHAPES } from '../engine/scripts';
import { throttled } from '../report/progress';
import {
  AUDIT_COLUMNS,
  auditRows,
  EVENT_COLUMNS,
  eventRows,
  PROJECT_COLUMNS,
  projectRow,
  TIMER_COLUMNS,
  timerRows,
} from './scale-rows';

const STARTS = 24;
const DAY_MS = 86_400_000;

export interface LoadedScale {
  projects: number;
  events: number;
  longProjectId: string;
}

/**
 * The template histories: every shape started on each of STARTS months, run through the real engine,
 * so replicas differ in dates and paths while replay and verify still hold for each of them.
 */
export function templates(definition: LifecycleDefinition): History[] {
  const result: History[] = [];
  for (let start = 0; start < STARTS; start++) {
    const startMs = Date.parse('2015-01-05T01:00:00Z') + start * 30 * DAY_MS;
    const plannedCompletion = new Date(startMs + 2 * 365 * DAY_MS).toISOString().slice(0, 10);
    for (const shape of SHAPES) {
      const data = { ...PROJECT_DATA, plannedCompletion };
      result.push(buildHistory(definition, data, ACTORS.enterprise, shape.script(), startMs, 21 * DAY_MS));
    }
  }
  return result;
}

/**
 * COPYs `projects` replicas of the templates (new ids, enterprises, titles and recomputed hash chains)
 * plus the long history into the four tables the service writes, then analyzes them.
 */
export async function loadScaleData(
  url: string,
  definition: LifecycleDefinition,
  projects: number,
  long: History,
  onProgress: (projects: number) => void,
): Promise<LoadedScale> {
  const histories = templates(definition);
  const streams = {
    projects: new CopyStream(url, 'projects', PROJECT_COLUMNS),
    events: new CopyStream(url, 'events', EVENT_COLUMNS),
    audit: new CopyStream(url, 'audit_entries', AUDIT_COLUMNS),
    timers: new CopyStream(url, 'timers', TIMER_COLUMNS),
  };
  const write = async (replica: Replica): Promise<void> => {
    await streams.projects.row(projectRow(replica));
    for (const row of eventRows(replica)) await streams.events.row(row);
    for (const row of auditRows(replica)) await streams.audit.row(row);
    for (const row of timerRows(replica)) await streams.timers.row(row);
  };
  const report = throttled(onProgress);
  for (let n = 0; n < projects; n++) {
    await write(replicate(histories[n % histories.length], identity(n)));
    report(n + 1);
  }
  const longProjectId = randomUUID();
  await write(
    replicate(long, {
      ...identity(projects),
      projectId: longProjectId,
      title: '长历史项目 long history project',
    }),
  );
  await Promise.all(Object.values(streams).map((stream) => stream.end()));
  return { projects: streams.projects.rows, events: streams.events.rows, longProjectId };
}

const INDUSTRY_WORDS = [
  '生物医药 biomedicine',
  '智能装备 equipment',
  '新材料 materials',
  '信息技术 IT',
  '人工智能 AI',
];

function identity(n: number) {
  return {
    projectId: randomUUID(),
    enterpriseId: `ent-${String(n % 2000).padStart(4, '0')}`,
    title: `${INDUSTRY_WORDS[n % INDUSTRY_WORDS.length]} 产业化项目 project ${n + 1}`,
  };
}
