import { definitionToMermaid } from '../../../src/diagrams/render';
import { sampleLifecycle } from './fixtures/sample-lifecycle';

describe('definitionToMermaid', () => {
  const text = definitionToMermaid(sampleLifecycle());
  const lines = text.split('\n').map((line) => line.trim());

  it('writes a stateDiagram-v2 with every state labelled', () => {
    expect(lines[0]).toBe('stateDiagram-v2');
    for (const [id, label] of [
      ['draft', '草稿'],
      ['review_formal', '形式审查'],
      ['construction_funding_disbursed', '已拨付'],
      ['closed', '已结项'],
    ]) {
      expect(lines).toContain(`state "${label}" as ${id}`);
    }
    expect(lines.filter((line) => /^state ".*" as \w+$/.test(line))).toHaveLength(17 + 1);
  });

  it('nests composite states, separates parallel regions and marks initial and final states', () => {
    expect(text).toMatch(/state review \{\n\s+\[\*\] --> review_formal\n/);
    expect(text).toMatch(/state construction \{[\s\S]*state construction_progress \{[\s\S]*--\n[\s\S]*state construction_funding \{/);
    expect(lines[2]).toBe('[*] --> draft');
    expect(lines).toEqual(expect.arrayContaining(['closed --> [*]', 'rejected --> [*]', 'withdrawn --> [*]']));
  });

  it('labels transitions, draws root transitions once and escapes label text', () => {
    expect(lines).toContain('review_expert --> approved : 专家评审结论 [payloadEquals]');
    expect(lines).toContain('any_open_state --> withdrawn : 撤回项目');
    expect(lines).toContain('construction --> overdue : 期限 overdue (plannedCompletion + P1Y)');
    expect(lines).toContain('备注 #quot;引号#quot; & #lt;尖括号#gt; \\ 反斜杠 [isBureau]');
    expect(text).not.toMatch(/COACHING|--> any_open_state/);
  });

  it('sanitizes ids deterministically, without clashes', () => {
    const definition = sampleLifecycle();
    definition.machine.states['review_formal'] = { meta: { label: { zh: '冲突', en: 'Clash' } } };
    definition.machine.states['end'] = { meta: { label: { zh: '结束', en: 'End' } } };
    const mermaid = definitionToMermaid(definition, { lang: 'en' });
    expect(mermaid).toContain('state "Formal check" as review_formal\n');
    expect(mermaid).toContain('state "Clash" as review_formal_2\n');
    expect(mermaid).toContain('state "End" as s_end\n');
    expect(mermaid).toMatch(/^stateDiagram-v2\n/);
    expect(definitionToMermaid(definition, { lang: 'en' })).toBe(mermaid);
  });

  it('is deterministic and speaks English when asked', () => {
    expect(definitionToMermaid(sampleLifecycle())).toBe(text);
    const english = definitionToMermaid(sampleLifecycle(), { lang: 'en' });
    expect(english).toContain('state "Draft" as draft');
    expect(english).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
