import type { Actor, JsonObject } from '../../src/lifecycle/definition.types';
import type { ScriptStep } from './history';
import { APPROVE, coaching, progressReport, SUBMIT } from './payloads';

export const ACTORS = {
  enterprise: { id: '00000000-0000-4000-8000-0000000000e1', role: 'enterprise' },
  bureau: { id: '00000000-0000-4000-8000-0000000000b1', role: 'bureau' },
  service: { id: '00000000-0000-4000-8000-0000000000c1', role: 'service' },
  expert: { id: '00000000-0000-4000-8000-0000000000d1', role: 'expert' },
} as const satisfies Record<string, Actor>;

const send = (actor: Actor, type: string, payload: JsonObject = {}): ScriptStep => ({ actor, type, payload });

/** Into construction, then `reports` quarterly reports with a coaching session after every third. */
function* construction(reports: number): Generator<ScriptStep> {
  yield send(ACTORS.enterprise, 'SUBMIT', SUBMIT);
  yield send(ACTORS.bureau, 'APPROVE', APPROVE);
  for (let n = 1; n <= reports; n++) {
    yield send(ACTORS.enterprise, 'PROGRESS_REPORT', progressReport(n));
    if (n % 3 === 0) yield send(ACTORS.service, 'COACHING', coaching(n));
  }
}

function* acceptance(): Generator<ScriptStep> {
  yield send(ACTORS.enterprise, 'APPLY_ACCEPTANCE', { materials: ['竣工报告 completion report'] });
  yield send(ACTORS.bureau, 'MATERIALS_COMPLETE');
  yield send(ACTORS.service, 'SCHEDULE_MOCK_DEFENSE', {
    date: '2020-12-10',
    experts: ['王专家 Expert Wang'],
  });
  yield send(ACTORS.service, 'RECORD_MOCK_DEFENSE', { result: 'ready', problems: [] });
  yield send(ACTORS.bureau, 'SCHEDULE_EXPERT_ACCEPTANCE', { date: '2020-12-20' });
  yield send(ACTORS.expert, 'RECORD_EXPERT_VERDICT', {
    verdict: 'pass',
    panel: ['王专家', '陈专家'],
    opinions: '同意通过验收 passed',
  });
}

/** The shapes of the scale data set, in the proportions they are replicated (about 20 events each). */
export const SHAPES: Array<{ name: string; script: () => Iterable<ScriptStep> }> = [
  { name: 'draft', script: () => [] },
  { name: 'submitted', script: () => [send(ACTORS.enterprise, 'SUBMIT', SUBMIT)] },
  {
    name: 'rejected',
    script: () => [
      send(ACTORS.enterprise, 'SUBMIT', SUBMIT),
      send(ACTORS.bureau, 'REJECT', { reason: '不符合申报条件 not eligible' }),
    ],
  },
  { name: 'construction', script: () => construction(14) },
  { name: 'construction', script: () => construction(17) },
  {
    name: 'overdue',
    script: () => [
      ...construction(16),
      { fire: 'overdue' },
      send(ACTORS.enterprise, 'PROGRESS_REPORT', progressReport(99)),
    ],
  },
  { name: 'accepted', script: () => [...construction(12), ...acceptance()] },
  { name: 'accepted', script: () => [...construction(14), ...acceptance()] },
  {
    name: 'suspended',
    script: () => [
      ...construction(15),
      send(ACTORS.enterprise, 'SUSPEND', { reason: '新冠肺炎疫情 COVID-19 epidemic', category: 'epidemic' }),
    ],
  },
  { name: 'construction', script: () => construction(30) },
];

/** The long history: into construction, then reports and coaching sessions alternating. */
export function* longHistory(events: number): Generator<ScriptStep> {
  yield send(ACTORS.enterprise, 'SUBMIT', SUBMIT);
  yield send(ACTORS.bureau, 'APPROVE', APPROVE);
  for (let n = 3; n < events; n++) {
    yield n % 2 === 1
      ? send(ACTORS.enterprise, 'PROGRESS_REPORT', progressReport(n))
      : send(ACTORS.service, 'COACHING', coaching(n));
  }
}
