import { FONT_FAMILY, LAYOUT_FONT } from './dot-style';

const LAYOUT_FAMILY_ATTRIBUTE = `font-family="${LAYOUT_FONT},sans-Serif"`;
const TOOLTIP_LINK = /<a xlink:title="([^"]*)">/g;

/**
 * Final touches on Graphviz's SVG, all deterministic string edits:
 * - the CJK-capable font list replaces the layout font (see `LAYOUT_FONT`);
 * - each tooltip is repeated as a `<title>` child, which browsers show on hover (`xlink:title` they do not).
 */
export function finishSvg(svg: string): string {
  return svg
    .replaceAll(LAYOUT_FAMILY_ATTRIBUTE, `font-family="${FONT_FAMILY}"`)
    .replace(TOOLTIP_LINK, (link: string, title: string) => `${link}\n<title>${title}</title>`);
}
