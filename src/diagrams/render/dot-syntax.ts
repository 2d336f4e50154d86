/** Writing DOT safely: every id and attribute value is quoted, every text escaped. */

/** Text already in DOT escString form (e.g. lines joined with `\l`); written as is between quotes. */
export interface EscapedText {
  escaped: string;
}
export type DotValue = string | number | EscapedText;
export type DotAttributes = Record<string, DotValue | undefined>;

/**
 * Escapes text for a quoted escString (labels, tooltips). Backslashes and quotes for DOT itself;
 * `&`, `<`, `>` as entities because Graphviz decodes entities in labels, so a literal `&lt;` stays
 * literal; line breaks as centred `\n`.
 */
export function escapeDotText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Centred lines, each widened for the CJK characters Graphviz underestimates (see `padWide`). */
export function centredLines(lines: readonly string[]): EscapedText {
  return { escaped: lines.map((line) => escapeDotText(padWide(line, 'both'))).join('\\n') };
}

/** Centred lines, then left-justified ones (in DOT the escape ending a line sets its justification). */
export function centredThenLeft(centred: readonly string[], left: readonly string[]): EscapedText {
  if (left.length === 0) return centredLines(centred);
  const top = centred.map((line) => `${escapeDotText(padWide(line, 'both'))}\\n`).join('');
  return { escaped: top + leftJustified(left).escaped };
}

/** Lines drawn left-justified (`\l` ends each line). */
export function leftJustified(lines: readonly string[]): EscapedText {
  return { escaped: lines.map((line) => `${escapeDotText(padWide(line, 'end'))}\\l`).join('') };
}

const NBSP = '\u00a0';
/** East Asian wide characters (CJK, kana, hangul, full-width forms) and clock symbols. */
const WIDE = /[\u1100-\u115f\u2300-\u23ff\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/gu;

/**
 * Graphviz sizes labels with Helvetica metrics and counts a CJK character as three spaces (0.83 em)
 * where fonts draw it 1 em wide, so long Chinese labels overflow and overlap; Latin text in the usual
 * sans fonts also runs a little wider than Helvetica. Non-breaking spaces (estimated 0.56 em each)
 * make up the difference; centred text keeps them symmetric.
 */
export function padWide(line: string, side: 'both' | 'end'): string {
  const wide = line.match(WIDE)?.length ?? 0;
  const missingEm = wide * 0.2 + (line.length - wide) * 0.05;
  const pad = Math.ceil(missingEm / 0.556);
  if (pad === 0) return line;
  if (side === 'end') return line + NBSP.repeat(pad);
  const half = Math.ceil(pad / 2);
  return NBSP.repeat(half) + line + NBSP.repeat(half);
}

/**
 * A quoted DOT id. Ids are never shown (labels are), so anything outside a safe set is
 * percent-encoded: that keeps ids injective and free of quotes and backslashes.
 */
export function dotId(name: string): string {
  return `"${encodeURIComponent(name)}"`;
}

export function dotAttributes(attributes: DotAttributes): string {
  const parts = Object.entries(attributes)
    .filter((entry): entry is [string, DotValue] => entry[1] !== undefined)
    .map(([name, value]) => `${name}=${dotValue(value)}`);
  return parts.length === 0 ? '' : ` [${parts.join(', ')}]`;
}

function dotValue(value: DotValue): string {
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return `"${escapeDotText(value)}"`;
  return `"${value.escaped}"`;
}

/** Fixed precision, so the same input always prints the same digits. */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}
