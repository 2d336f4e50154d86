import { parseSvg } from './support/parse-svg';

describe('parseSvg (the XML check the diagram tests rely on)', () => {
  it('refuses SVG that is not well-formed', () => {
    expect(() => parseSvg('<svg><g class="node"><title>x</g></svg>')).toThrow(/not well-formed/);
    expect(() => parseSvg('<svg><text>a & b</text></svg>')).toThrow(/not well-formed/);
  });

  it('reads groups, decoding character references', () => {
    const [group] = parseSvg(
      '<svg xmlns="http://www.w3.org/2000/svg"><g class="node"><title>state_a</title>' +
        '<a><title>A&#10;2024&#45;01</title><polygon fill="#fff" stroke-width="2"/></a><text>x&#160;y</text></g></svg>',
    );
    expect(group).toEqual({
      kind: 'node',
      name: 'state_a',
      tooltips: ['A\n2024-01'],
      texts: ['x\u00a0y'],
      fills: ['#fff'],
      strokes: [],
      strokeWidths: ['2'],
    });
  });
});
