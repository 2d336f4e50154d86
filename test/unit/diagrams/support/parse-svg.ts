import { spawnSync } from 'node:child_process';

/** One `<g class="node|edge|cluster">` of a Graphviz SVG, as a strict XML parser read it. */
export interface SvgGroup {
  kind: 'node' | 'edge' | 'cluster';
  /** Graphviz's `<title>`: the node id, `tail->head` for edges, the cluster name. */
  name: string;
  /** Tooltip `<title>` elements inside links, in order. */
  tooltips: string[];
  texts: string[];
  fills: string[];
  strokes: string[];
  strokeWidths: string[];
}

/**
 * Parses SVG with Python's standard library XML parser (expat, via ElementTree): node_modules has
 * no XML parser, and a strict, maintained one is what a well-formedness check needs. Throws on any
 * well-formedness error.
 */
export function parseSvg(svg: string): SvgGroup[] {
  const run = spawnSync('python3', ['-c', PYTHON], { input: svg, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw new Error(`python3 is needed for the XML check: ${run.error.message}`);
  if (run.status !== 0) throw new Error(`SVG is not well-formed XML: ${run.stderr}`);
  return JSON.parse(run.stdout) as SvgGroup[];
}

const PYTHON = `
import sys, json, xml.etree.ElementTree as ET
root = ET.fromstring(sys.stdin.buffer.read())
S = '{http://www.w3.org/2000/svg}'
out = []
for g in root.iter(S + 'g'):
    kind = g.get('class')
    if kind not in ('node', 'edge', 'cluster'):
        continue
    title = g.find(S + 'title')
    shapes = [e for e in g.iter() if e.tag in (S + 'polygon', S + 'path', S + 'ellipse')]
    out.append({
        'kind': kind,
        'name': title.text if title is not None else '',
        'tooltips': [t.text or '' for a in g.iter(S + 'a') for t in a.findall(S + 'title')],
        'texts': [''.join(t.itertext()) for t in g.iter(S + 'text')],
        'fills': [e.get('fill') for e in shapes if e.get('fill')],
        'strokes': [e.get('stroke') for e in shapes if e.get('stroke')],
        'strokeWidths': [e.get('stroke-width') for e in shapes if e.get('stroke-width')],
    })
json.dump(out, sys.stdout, ensure_ascii=False)
`;
