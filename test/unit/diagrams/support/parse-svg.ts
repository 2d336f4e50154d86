import { XMLParser, XMLValidator } from 'fast-xml-parser';

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

/** An element as fast-xml-parser gives it with `preserveOrder`: `{ tag: children, ':@': attributes }`. */
interface XmlElement {
  tag: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}
type XmlNode = XmlElement | string;
type RawNode = Record<string, unknown>;

const KINDS = new Set(['node', 'edge', 'cluster']);
const SHAPES = new Set(['polygon', 'path', 'ellipse']);

/** Throws on any well-formedness error; otherwise answers every node, edge and cluster group in document order. */
export function parseSvg(svg: string): SvgGroup[] {
  const valid = XMLValidator.validate(svg);
  if (valid !== true) {
    throw new Error(`SVG is not well-formed XML: line ${valid.err.line}: ${valid.err.msg}`);
  }
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
    // XML's numeric character references (&#10;, &#45;) decode only with this switch in fast-xml-parser.
    processEntities: true,
    htmlEntities: true,
  });
  const roots = (parser.parse(svg) as RawNode[]).map(toNode);
  return descendants(roots)
    .filter((el) => el.tag === 'g' && KINDS.has(el.attributes.class ?? ''))
    .map(groupOf);
}

function groupOf(g: XmlElement): SvgGroup {
  const title = elementChildren(g).find((child) => child.tag === 'title');
  const inside = descendants(g.children);
  const shapes = inside.filter((el) => SHAPES.has(el.tag));
  const attr = (name: string) => shapes.map((el) => el.attributes[name]).filter((v): v is string => !!v);
  return {
    kind: g.attributes.class as SvgGroup['kind'],
    name: title ? textOf(title) : '',
    tooltips: inside
      .filter((el) => el.tag === 'a')
      .flatMap((a) => elementChildren(a).filter((child) => child.tag === 'title'))
      .map(textOf),
    texts: inside.filter((el) => el.tag === 'text').map(textOf),
    fills: attr('fill'),
    strokes: attr('stroke'),
    strokeWidths: attr('stroke-width'),
  };
}

function toNode(raw: RawNode): XmlNode {
  if ('#text' in raw) return String(raw['#text']);
  const tag = Object.keys(raw).find((key) => key !== ':@') ?? '';
  const children = (raw[tag] as RawNode[] | undefined) ?? [];
  const attributes = (raw[':@'] as Record<string, string> | undefined) ?? {};
  return { tag, attributes, children: children.map(toNode) };
}

function elementChildren(el: XmlElement): XmlElement[] {
  return el.children.filter((child): child is XmlElement => typeof child !== 'string');
}

/** Every element under `nodes`, depth first in document order (like ElementTree's `iter`). */
function descendants(nodes: XmlNode[]): XmlElement[] {
  return nodes.flatMap((node) => (typeof node === 'string' ? [] : [node, ...descendants(node.children)]));
}

function textOf(node: XmlNode): string {
  return typeof node === 'string' ? node : node.children.map(textOf).join('');
}
