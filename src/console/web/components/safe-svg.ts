const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';
/** Elements that can run script or pull in other documents; Graphviz never writes them. */
const UNSAFE = new Set(['script', 'foreignobject', 'iframe', 'object', 'embed', 'use', 'image', 'style']);

/**
 * Parses SVG text from our own server into an element that may be placed in the page. Graphviz's output
 * holds no script, but labels come from definitions admins edit, so anything that could run or load is
 * dropped anyway: unsafe elements, event-handler attributes, links that do not stay in the drawing.
 * Answers undefined when the text is not well-formed SVG.
 */
export function safeSvgElement(text: string): SVGSVGElement | undefined {
  const parsed = new DOMParser().parseFromString(text, 'image/svg+xml');
  const root = parsed.documentElement;
  if (parsed.querySelector('parsererror') || root.namespaceURI !== SVG_NS || root.localName !== 'svg')
    return undefined;
  for (const element of Array.from(root.querySelectorAll('*'))) {
    if (element.namespaceURI !== SVG_NS || UNSAFE.has(element.localName.toLowerCase())) {
      element.remove();
      continue;
    }
    cleanAttributes(element);
  }
  cleanAttributes(root);
  return document.importNode(root, true) as unknown as SVGSVGElement;
}

function cleanAttributes(element: Element): void {
  for (const attribute of Array.from(element.attributes)) {
    const name = attribute.localName.toLowerCase();
    const isLink =
      name === 'href' && (attribute.namespaceURI === null || attribute.namespaceURI === XLINK_NS);
    if (name.startsWith('on') || (isLink && !attribute.value.startsWith('#'))) {
      element.removeAttributeNode(attribute);
    }
  }
}
