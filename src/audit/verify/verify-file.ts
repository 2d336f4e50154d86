import type { KeyObject } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { EXPORT_FORMAT } from '../export/export-lines';
import { ChainVerifier } from './chain-verifier';
import type { VerifyItem } from './verify-items';
import { broken, type VerifyResult } from './verify-result';

type ExportLine =
  VerifyItem | { kind: 'header'; format: string } | { kind: 'end'; projects: number; entries: number };

const KINDS = new Set(['header', 'project', 'entry', 'checkpoint', 'end']);

/**
 * Verifies an NDJSON export offline, line by line, without a database. `pinnedKey`: the key the
 * checkpoint must be signed by; without it the signature is checked against the key the file carries.
 */
export async function verifyFile(
  path: string,
  progress?: (bytesRead: number) => void,
  pinnedKey: KeyObject | null = null,
): Promise<VerifyResult> {
  const input = createReadStream(path);
  const lines = createInterface({ input, crlfDelay: Infinity });
  const verifier = new ChainVerifier(pinnedKey);
  let number = 0;
  let sawHeader = false;
  let end: { projects: number; entries: number } | null = null;
  let sawCheckpoint = false;
  const formatBreak = (expected: unknown, found: unknown) =>
    broken({
      projectId: null,
      version: null,
      reason: 'modified',
      check: `file.line ${number}`,
      expected,
      found,
    });
  try {
    for await (const text of lines) {
      number++;
      if (number % 1000 === 0) progress?.(input.bytesRead);
      if (text.trim() === '') continue;
      const parsed = parseLine(text);
      if (!parsed || (!sawHeader && parsed.kind !== 'header') || end) {
        verifier.fail(
          formatBreak(sawHeader ? 'an export line' : `a ${EXPORT_FORMAT} header`, text.slice(0, 200)),
        );
        break;
      }
      if (parsed.kind === 'header') {
        if (sawHeader || parsed.format !== EXPORT_FORMAT) {
          verifier.fail(formatBreak(`one ${EXPORT_FORMAT} header`, parsed));
          break;
        }
        sawHeader = true;
      } else if (parsed.kind === 'end') end = parsed;
      else if (!acceptSafely(verifier, parsed)) {
        verifier.fail(formatBreak('a well-formed export line', text.slice(0, 200)));
        break;
      } else if (parsed.kind === 'checkpoint') sawCheckpoint = true;
      if (!verifier.result().ok) break;
    }
  } finally {
    lines.close();
    input.destroy();
  }
  progress?.(input.bytesRead);
  const result = verifier.result();
  if (!result.ok) return result;
  if (!end || !sawCheckpoint || end.entries !== result.checked)
    verifier.fail(
      broken({
        projectId: null,
        version: null,
        reason: 'truncated',
        check: 'file.end',
        expected: end ?? 'an end line with the counts',
        found: { entries: result.checked },
      }),
    );
  return verifier.result();
}

/** A line of the right kind but the wrong shape is a broken file, not a crash. */
function acceptSafely(verifier: ChainVerifier, item: VerifyItem): boolean {
  try {
    verifier.accept(item);
    return true;
  } catch {
    return false;
  }
}

function parseLine(text: string): ExportLine | null {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || !('kind' in value)) return null;
    return KINDS.has(String(value.kind)) ? (value as ExportLine) : null;
  } catch {
    return null;
  }
}
