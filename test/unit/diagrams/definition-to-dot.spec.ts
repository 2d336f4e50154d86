import { definitionToDot as rawDot } from '../../../src/diagrams/render';
import { sampleLifecycle } from './fixtures/sample-lifecycle';

// Labels carry non-breaking spaces that widen CJK text for Graphviz; the assertions ignore them.
const definitionToDot = (...args: Parameters<typeof rawDot>): string => rawDot(...args).replace(/\u00a0/g, '');

const lineFor = (dot: string, fragment: string): string =>
  dot.split('\n').find((line) => line.includes(fragment)) ?? '';

describe('definitionToDot', () => {
  const dot = definitionToDot(sampleLifecycle());

  it('draws compound states as clusters labelled with the state name', () => {
    expect(dot).toContain('subgraph "cluster_review" {');
    expect(lineFor(dot, 'label="评审"')).toContain('graph [');
    expect(dot).toContain('compound="true"');
  });

  it('draws parallel regions as dashed clusters starting on one rank', () => {
    expect(lineFor(dot, 'label="工程进度"')).toContain('dashed');
    expect(lineFor(dot, 'label="资金拨付"')).toContain('dashed');
    expect(dot).toContain('{ rank=same; "initial_construction.progress"; "initial_construction.funding"; }');
  });

  it('marks final states and the initial states', () => {
    expect(lineFor(dot, '"state_closed" [')).toContain('peripheries=2');
    expect(lineFor(dot, '"initial_" [')).toContain('shape="point"');
    expect(dot).toContain('"initial_" -> "state_draft";');
    expect(dot).toContain('"initial_review" -> "state_review.formal";');
  });

  it('labels transitions with the event label and the guard name', () => {
    expect(lineFor(dot, '"state_review.expert" -> "state_approved"')).toContain('label="专家评审结论 [payloadEquals]"');
  });

  it('draws delayed transitions dashed with the delay name and its params', () => {
    const overdue = lineFor(dot, '-> "state_overdue"');
    expect(overdue).toContain('期限 overdue (plannedCompletion + P1Y)');
    expect(overdue).toContain('style="dashed"');
    const english = lineFor(definitionToDot(sampleLifecycle(), { lang: 'en' }), '-> "state_overdue"');
    expect(english).toContain('deadline overdue (plannedCompletion + P1Y)');
  });

  it('draws root transitions once, from one note that also lists the targetless ones', () => {
    expect(dot.match(/WITHDRAW/g)).toHaveLength(1);
    expect(lineFor(dot, '"any-open-state" -> "state_withdrawn"')).toContain('label="撤回项目"');
    const note = lineFor(dot, '"any-open-state" [');
    expect(note).toContain('任何未结束状态');
    expect(note).toContain('• 辅导服务');
    expect(dot).not.toContain('COACHING');
  });

  it('clips edges into and out of compound states at the cluster border', () => {
    expect(lineFor(dot, '"state_draft" -> "initial_review"')).toContain('lhead="cluster_review"');
    expect(lineFor(dot, '"state_review.expert" -> "state_draft"')).toContain('ltail="cluster_review"');
    expect(lineFor(dot, '"state_approved" -> "initial_construction.progress"')).toContain(
      'lhead="cluster_construction"',
    );
  });

  it('escapes quotes, backslashes, newlines and markup in labels', () => {
    const definition = sampleLifecycle();
    definition.machine.states.draft.meta = { label: { zh: 'a "b" \\ c\nd <e> & f &lt;', en: 'x' } };
    const line = lineFor(definitionToDot(definition), '"state_draft" [');
    expect(line).toContain('label="a \\"b\\" \\\\ c\\nd &lt;e&gt; &amp; f &amp;lt;"');
    expect(lineFor(dot, '"any-open-state" [')).toContain('\\"引号\\" &amp; &lt;尖括号&gt; \\\\ 反斜杠');
  });

  it('speaks English when asked', () => {
    const english = definitionToDot(sampleLifecycle(), { lang: 'en' });
    expect(english).toContain('label="Sample project"');
    expect(english).toContain('Expert verdict [payloadEquals]');
    expect(english).toContain('Any open state');
    expect(english).not.toMatch(/草稿|专家/);
  });

  it('is deterministic', () => {
    expect(rawDot(sampleLifecycle())).toBe(rawDot(sampleLifecycle()));
  });

  it('lights current states, thickens taken edges and lists entry times', () => {
    const lit = definitionToDot(sampleLifecycle(), {
      highlight: {
        current: ['construction.progress.built', '#sample.construction.funding.pending'],
        taken: { 'draft->review:SUBMIT': 3 },
        entries: { draft: ['2024-01-01T00:00:00Z', '2024-02-01T00:00:00Z'] },
      },
    });
    expect(lineFor(lit, '"state_construction.progress.built" [')).toContain('fillcolor="#ffd54f"');
    expect(lineFor(lit, '"state_construction.funding.pending" [')).toContain('fillcolor="#ffd54f"');
    expect(lineFor(lit, '"state_draft" [')).not.toContain('#ffd54f');
    const taken = lineFor(lit, '"state_draft" -> "initial_review"');
    expect(taken).toContain('×3');
    expect(taken).toMatch(/penwidth=[2-9]/);
    expect(lineFor(lit, '"state_draft" [')).toContain('tooltip="草稿\\n进入时间：\\n2024-01-01T00:00:00Z\\n2024-02-01T00:00:00Z"');
  });

  it('adds counts to state labels and grades the fill by how many are there now', () => {
    const heat = definitionToDot(sampleLifecycle(), {
      lang: 'en',
      counts: { draft: { now: 12, ever: 65 }, approved: { now: 1, ever: 3 } },
    });
    expect(lineFor(heat, '"state_draft" [')).toContain('label="Draft\\nnow 12 · ever 65"');
    expect(lineFor(heat, '"state_overdue" [')).toContain('now 0 · ever 0');
    const fill = (path: string) => /fillcolor="([^"]+)"/.exec(lineFor(heat, `"state_${path}" [`))?.[1];
    expect(new Set([fill('draft'), fill('approved'), fill('overdue')]).size).toBe(3);
    expect(definitionToDot(sampleLifecycle(), { counts: { draft: { now: 12, ever: 65 } } })).toContain('现有 12 · 累计 65');
  });
});
