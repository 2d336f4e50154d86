/**
 * Lights states in a definition diagram drawn by src/diagrams (nodes titled `state_<path>`, clusters
 * `cluster_<path>`), so a replayed step can be shown without a server round trip per step.
 */
export function highlightSvg(svg: string, statePaths: string[]): string {
  const document = new DOMParser().parseFromString(svg, 'image/svg+xml');
  if (document.querySelector('parsererror')) return svg;
  const wanted = new Set(
    statePaths.flatMap((path) => [`state_${path}`, `cluster_${encodeURIComponent(path)}`]),
  );
  for (const group of Array.from(document.querySelectorAll('g.node, g.cluster'))) {
    const title = group.querySelector('title')?.textContent?.trim() ?? '';
    if (!wanted.has(title)) continue;
    const isNode = group.classList.contains('node');
    for (const shape of Array.from(group.querySelectorAll('polygon, path, ellipse, rect'))) {
      if (isNode) shape.setAttribute('fill', '#fde68a');
      shape.setAttribute('stroke', '#b45309');
      shape.setAttribute('stroke-width', isNode ? '3' : '2');
    }
  }
  return new XMLSerializer().serializeToString(document);
}
