import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectHighlight } from '../../../src/diagrams/highlight/project-highlight';
import { activePathsOf } from '../../../src/diagrams/highlight/active-paths';
import { buildDiagramModel } from '../../../src/diagrams/render';
import type { Actor, JsonObject, LifecycleDefinition } from '../../../src/lifecycle/definition.types';
import type { RecordedEvent } from '../../../src/lifecycle/engine.types';

const definition = JSON.parse(
  readFileSync(join(__dirname, '../../../workflows/industrial-project.json'), 'utf8'),
) as LifecycleDefinition;
const enterprise: Actor = { id: 'p-ent', role: 'enterprise' };
const bureau: Actor = { id: 'p-bureau', role: 'bureau' };
const creation = {
  data: { plannedCompletion: '2030-12-31', plannedInvestment: 1000, industry: 'biomedicine' },
  actor: bureau,
  at: '2024-01-01T00:00:00.000Z',
};
const report: JsonObject = {
  period: '2024-Q2',
  percentComplete: 40,
  investmentSpent: 10,
  investmentPlanned: 20,
  problems: [],
  helpRequested: [],
};
const event = (type: string, actor: Actor, day: number, payload: JsonObject = {}): RecordedEvent => ({
  type,
  payload,
  actor,
  at: `2024-02-${String(day).padStart(2, '0')}T00:00:00.000Z`,
});
const history: RecordedEvent[] = [
  event('SUBMIT', enterprise, 1, { applicant: 'A' }),
  event('RETURN_FOR_REVISION', bureau, 2, { reasons: ['incomplete'] }),
  event('SUBMIT', enterprise, 3, { applicant: 'A' }),
  event('APPROVE', bureau, 4, { approvalNo: 'No. 1' }),
  event('COACHING', { id: 'p-svc', role: 'service' }, 5, { topic: 'financing' }),
  event('PROGRESS_REPORT', enterprise, 6, report),
  event('APPLY_ACCEPTANCE', enterprise, 7, { materials: ['report.pdf'] }),
];

describe('projectHighlight', () => {
  it('counts each transition the stream took, under the keys the diagram draws', () => {
    const result = projectHighlight(definition, creation, history);
    if (!result.ok) throw new Error('replay refused');
    expect(result.highlight.taken).toEqual({
      'draft->submitted:SUBMIT': 2,
      'submitted->draft:RETURN_FOR_REVISION': 1,
      'submitted->construction:APPROVE': 1,
      '->:COACHING': 1,
      'construction.active->construction.active:PROGRESS_REPORT': 1,
      'construction.active->acceptance:APPLY_ACCEPTANCE': 1,
    });
    const drawn = new Set(buildDiagramModel(definition).transitions.map((t) => t.key));
    for (const key of Object.keys(result.highlight.taken)) expect(drawn).toContain(key);
  });

  it('lights the current leaf and lists every entry time, re-entries included', () => {
    const result = projectHighlight(definition, creation, history);
    if (!result.ok) throw new Error('replay refused');
    expect(result.highlight.current).toEqual(['acceptance.materialReview']);
    const { entries } = result.highlight;
    expect(entries.draft).toEqual(['2024-01-01T00:00:00.000Z', '2024-02-02T00:00:00.000Z']);
    expect(entries.construction).toEqual(['2024-02-04T00:00:00.000Z']);
    expect(entries['construction.active']).toEqual(['2024-02-04T00:00:00.000Z', '2024-02-06T00:00:00.000Z']);
    expect(entries['acceptance.materialReview']).toEqual(['2024-02-07T00:00:00.000Z']);
  });

  it('reports the first event the pinned definition refuses', () => {
    const result = projectHighlight(definition, creation, [history[0], event('APPLY_ACCEPTANCE', enterprise, 9)]);
    expect(result).toMatchObject({ ok: false, index: 1 });
  });

  it('lists active paths with their ancestors', () => {
    expect(activePathsOf({ construction: 'active' })).toEqual(['construction', 'construction.active']);
    expect(activePathsOf('draft')).toEqual(['draft']);
  });
});
