import type { KeyObject } from 'node:crypto';
import { EXPORT_FORMAT } from '../export/export-lines';
import { ChainVerifier } from './chain-verifier';
import { CheckpointSequence } from './checkpoint-sequence';
import type { CheckpointRecord, VerifyItem } from './verify-items';
import { broken, type VerifyResult } from './verify-result';

type HeaderLine = { kind: 'header'; format: string; formatVersion: unknown };
type EndLine = { kind: 'end'; projects: number; entries: number; checkpoints?: number };
type ExportLine = VerifyItem | HeaderLine | EndLine;
type LineProblem = { expected: unknown; found: unknown };

const KINDS = new Set(['header', 'project', 'entry', 'checkpoint', 'end']);
/** 1 carried the latest checkpoint only (one line, null before any was taken); 2 carries every one. */
const READABLE_VERSIONS = [1, 2];

/**
 * Reads an NDJSON export line by line, without a database: the chains as they stream, then every
 * checkpoint (signatures, order, counts), then the end line's counts and the latest root over the heads.
 */
export class ExportReader {
  private readonly verifier: ChainVerifier;
  private readonly checkpoints: CheckpointSequence;
  private formatVersion: number | null = null;
  private checkpointLines = 0;
  private end: EndLine | null = null;

  /** `pinnedKey`: the key checkpoints must be signed by; without it each is checked against its own. */
  constructor(pinnedKey: KeyObject | null = null) {
    this.verifier = new ChainVerifier(pinnedKey);
    this.checkpoints = new CheckpointSequence(pinnedKey);
  }

  /** Feeds one non-blank line (1-based `number`); answers false once the file is broken. */
  line(text: string, number: number): boolean {
    const problem = this.take(parseLine(text), text.slice(0, 200));
    if (problem)
      this.verifier.fail(
        broken({
          projectId: null,
          version: null,
          reason: 'modified',
          check: `file.line ${number}`,
          ...problem,
        }),
      );
    return this.verifier.result().ok;
  }

  /** After the last line: the end line's counts (a cut file), then the latest root over the heads. */
  finish(): VerifyResult {
    if (!this.verifier.result().ok) return this.verifier.result();
    if (!this.end || !this.countsMatch(this.end))
      this.verifier.fail(
        broken({
          projectId: null,
          version: null,
          reason: 'truncated',
          check: 'file.end',
          expected: this.end ?? 'an end line with the counts',
          found: { entries: this.verifier.entriesChecked, checkpoints: this.checkpointLines },
        }),
      );
    else this.verifier.accept({ kind: 'checkpoint', checkpoint: this.checkpoints.latest });
    return this.verifier.result();
  }

  private take(parsed: ExportLine | null, excerpt: string): LineProblem | null {
    if (!parsed || (this.formatVersion === null && parsed.kind !== 'header') || this.end)
      return {
        expected: this.formatVersion === null ? `a ${EXPORT_FORMAT} header` : 'an export line',
        found: excerpt,
      };
    if (parsed.kind === 'header') return this.header(parsed);
    if (parsed.kind === 'end') this.end = parsed;
    else if (parsed.kind === 'checkpoint') return this.checkpoint(parsed.checkpoint, excerpt);
    else if (this.checkpointLines > 0) return { expected: 'a checkpoint or end line', found: excerpt };
    else if (!this.feed(parsed)) return { expected: 'a well-formed export line', found: excerpt };
    return null;
  }

  private header(line: HeaderLine): LineProblem | null {
    if (this.formatVersion !== null || line.format !== EXPORT_FORMAT)
      return { expected: `one ${EXPORT_FORMAT} header`, found: line };
    if (typeof line.formatVersion !== 'number' || !READABLE_VERSIONS.includes(line.formatVersion))
      return { expected: { formatVersion: READABLE_VERSIONS }, found: line.formatVersion };
    this.formatVersion = line.formatVersion;
    return null;
  }

  private checkpoint(record: unknown, excerpt: string): LineProblem | null {
    const version1 = this.formatVersion === 1;
    if (version1 ? this.checkpointLines > 0 : record === null)
      return { expected: version1 ? 'one checkpoint line' : 'a checkpoint', found: excerpt };
    if (record !== null && !isCheckpointRecord(record))
      return { expected: 'a well-formed checkpoint line', found: excerpt };
    // The first checkpoint line ends the projects: the last one's chain must reach its heads.
    if (this.checkpointLines++ === 0 && !this.feed({ kind: 'checkpoint', checkpoint: null }, false))
      return { expected: 'a well-formed export line', found: excerpt };
    const place = record && this.checkpoints.accept(record);
    if (place) this.verifier.fail(place);
    return null;
  }

  /** A line of the right kind but the wrong shape is a broken file, not a crash. */
  private feed(item: VerifyItem, checkRoot = true): boolean {
    try {
      this.verifier.accept(item, checkRoot);
      return true;
    } catch {
      return false;
    }
  }

  private countsMatch(end: EndLine): boolean {
    if (end.entries !== this.verifier.entriesChecked) return false;
    // Version 1 carried exactly one checkpoint line and did not count it.
    return this.formatVersion === 1 ? this.checkpointLines === 1 : end.checkpoints === this.checkpointLines;
  }
}

function isCheckpointRecord(value: unknown): value is CheckpointRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  const textOrNull = (key: string) => record[key] === null || typeof record[key] === 'string';
  return (
    Number.isInteger(record.id) &&
    Number.isInteger(record.count) &&
    typeof record.createdAt === 'string' &&
    typeof record.root === 'string' &&
    ['algorithm', 'signature', 'publicKey'].every(textOrNull)
  );
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
