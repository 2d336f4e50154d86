import { DiagramTooLargeError, SvgRenderer } from '../../../src/diagrams/render';
import { generatedLifecycle } from './fixtures/generated-lifecycle';
import { sampleLifecycle } from './fixtures/sample-lifecycle';
import { parseSvg, type SvgGroup } from './support/parse-svg';

const CURRENT_FILL = '#ffd54f';
const text = (group: SvgGroup | undefined): string => (group?.texts ?? []).join(' ').replace(/\u00a0/g, '').trim();
const node = (groups: SvgGroup[], path: string) => groups.find((g) => g.kind === 'node' && g.name === `state_${path}`);

describe('SvgRenderer', () => {
  const renderer = new SvgRenderer();
  const definition = sampleLifecycle();
  const stateLabels = (lang: 'zh' | 'en') =>
    [...JSON.stringify(definition.machine).matchAll(/"label":\{"zh":"([^"]*)","en":"([^"]*)"\}/g)].map(
      (match) => (lang === 'zh' ? match[1] : match[2]) ?? '',
    );

  it('renders well-formed SVG with every state label, in Chinese by default', async () => {
    const groups = parseSvg(await renderer.render(definition));
    const shown = groups.map(text).join('\n');
    expect(stateLabels('zh')).toHaveLength(17);
    for (const label of stateLabels('zh')) expect(shown).toContain(label);
    expect(shown).toContain('专家评审结论 [payloadEquals]');
  });

  it('renders English labels when asked', async () => {
    const svg = await renderer.render(definition, { lang: 'en' });
    const shown = parseSvg(svg).map(text).join('\n');
    for (const label of stateLabels('en')) expect(shown).toContain(label);
    expect(shown).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('names CJK-capable fonts', async () => {
    const svg = await renderer.render(definition);
    expect(svg).toContain('font-family="Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, sans-serif"');
    expect(svg).not.toContain('Helvetica');
  });

  it('gives byte-identical SVG for the same definition', async () => {
    const first = await renderer.render(sampleLifecycle(), { lang: 'en' });
    const second = await new SvgRenderer().render(sampleLifecycle(), { lang: 'en' });
    expect(second).toBe(first);
  });

  it('lights the current state, draws taken edges heavier with ×N, lists entry times as titles', async () => {
    const groups = parseSvg(
      await renderer.render(definition, {
        highlight: {
          current: ['approved'],
          taken: { 'draft->review:SUBMIT': 4, 'review.formal->review.expert:PASS_FORMAL': 1 },
          entries: { approved: ['2024-03-01T08:00:00Z'] },
        },
      }),
    );
    expect(node(groups, 'approved')?.fills).toContain(CURRENT_FILL);
    for (const other of ['draft', 'review.formal', 'closed']) expect(node(groups, other)?.fills).not.toContain(CURRENT_FILL);
    expect(node(groups, 'approved')?.tooltips.join('\n')).toBe('已立项\n进入时间：\n2024-03-01T08:00:00Z');

    const edges = groups.filter((group) => group.kind === 'edge');
    const submit = edges.find((edge) => text(edge).startsWith('提交申报'));
    const pass = edges.find((edge) => text(edge).startsWith('形式审查通过'));
    const start = edges.find((edge) => text(edge).startsWith('开工'));
    expect(text(submit)).toBe('提交申报 ×4');
    expect(text(pass)).toBe('形式审查通过 ×1');
    const width = (edge: SvgGroup | undefined) => Math.max(1, ...(edge?.strokeWidths ?? []).map(Number));
    expect(width(submit)).toBeGreaterThan(width(pass));
    expect(width(pass)).toBeGreaterThan(width(start));
  });

  it('keeps markup in labels as text: a state named <script> draws no element, in labels or tooltips', async () => {
    const hostile = sampleLifecycle();
    const script = '<script>alert("x")</script>';
    hostile.machine.states.draft.meta = { label: { zh: script, en: script } };
    hostile.events.SUBMIT.label = { zh: '<img src=x onerror=alert(1)>', en: 'submit' };
    const svg = await renderer.render(hostile, { highlight: { current: ['draft'], taken: {}, entries: {} } });
    expect(svg).not.toMatch(/<script|<img|<foreignObject/i);
    expect(svg).toContain('&lt;script&gt;');
    const groups = parseSvg(svg);
    expect(text(node(groups, 'draft'))).toBe(script);
    expect(node(groups, 'draft')?.tooltips[0]).toContain(script);
    expect(groups.map(text).join('\n')).toContain('<img src=x onerror=alert(1)>');
  });

  it('renders a 60-state definition', async () => {
    const started = Date.now();
    const groups = parseSvg(await renderer.render(generatedLifecycle(60)));
    expect(groups.filter((g) => g.kind === 'node' && g.name.startsWith('state_'))).toHaveLength(55);
    expect(groups.filter((g) => g.kind === 'cluster')).toHaveLength(5);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('refuses a 1,000-state definition quickly, before any layout', async () => {
    const started = Date.now();
    const fresh = new SvgRenderer();
    const rendering = fresh.render(generatedLifecycle(1000));
    await expect(rendering).rejects.toBeInstanceOf(DiagramTooLargeError);
    await expect(rendering).rejects.toMatchObject({ states: 1000, maxStates: 400 });
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('refuses too many transitions', async () => {
    await expect(new SvgRenderer({ maxStates: 400, maxEdges: 10 }).render(definition)).rejects.toMatchObject({
      name: 'DiagramTooLargeError',
      maxEdges: 10,
    });
  });
});
