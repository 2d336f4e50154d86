import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { auditEntryOf, chainHash, GENESIS_HASH } from '../../../src/audit/audit-entry';
import { auditedEvent } from './audited-event';
import { signerOf } from '../../../src/audit/checkpoint/checkpoint-key';
import { merkleRootOf } from '../../../src/audit/checkpoint/merkle';
import { EXPORT_FORMAT } from '../../../src/audit/export/export-lines';
import { ExportReader } from '../../../src/audit/verify/export-reader';
import type { CheckpointRecord } from '../../../src/audit/verify/verify-items';

const privateKey = generateKeyPairSync('ed25519').privateKey;
const pinned = createPublicKey(privateKey);
const signer = signerOf(privateKey);

const event = auditedEvent;

/** One project of two entries; its head is what the latest checkpoint covers. */
function projectLines(): { lines: object[]; head: string } {
  const lines: object[] = [];
  let prev = GENESIS_HASH;
  for (const version of [1, 2]) {
    const entry = auditEntryOf(event(version));
    const hash = chainHash(prev, entry);
    lines.push({ kind: 'entry', event: event(version), audit: { entry, prevHash: prev, hash } });
    prev = hash;
  }
  const project = {
    kind: 'project',
    projectId: 'p',
    head: { version: 2, chainHead: prev },
    checkpointHead: { version: 2, hash: prev },
  };
  return { lines: [project, ...lines], head: prev };
}

function checkpoint(id: number, count: number, root: string, signed = true): CheckpointRecord {
  const fields = { createdAt: `2026-01-0${id}T00:00:00.000Z`, count, root };
  return {
    id,
    ...fields,
    algorithm: signed ? 'Ed25519' : null,
    signature: signed ? signer.sign(fields) : null,
    publicKey: signed ? signer.publicKeyPem : null,
  };
}

/** A version 2 export: the project, then checkpoints 1 (unsigned, before the key), 2 and 3 (latest). */
function exportOf(tweak: (checkpoints: CheckpointRecord[]) => CheckpointRecord[] = (c) => c): object[] {
  const { lines, head } = projectLines();
  const root = merkleRootOf([{ projectId: 'p', version: 2, hash: head }]);
  const earlierRoot = 'a'.repeat(64);
  const checkpoints = tweak([
    checkpoint(1, 1, earlierRoot, false),
    checkpoint(2, 1, earlierRoot),
    checkpoint(3, 1, root),
  ]);
  return [
    { kind: 'header', format: EXPORT_FORMAT, formatVersion: 2, exportedAt: '2026-01-09T00:00:00.000Z' },
    ...lines,
    ...checkpoints.map((c) => ({ kind: 'checkpoint', checkpoint: c })),
    { kind: 'end', projects: 1, entries: 2, checkpoints: checkpoints.length },
  ];
}

function read(lines: object[], key: KeyObject | null = pinned) {
  const reader = new ExportReader(key);
  lines.every((line, index) => reader.line(JSON.stringify(line), index + 1));
  return reader.finish();
}

describe('ExportReader (offline verify of an export)', () => {
  it('accepts every checkpoint signed by the pinned key, oldest first, the latest over the heads', () => {
    expect(read(exportOf())).toEqual({ ok: true, checked: 2, firstBroken: null });
    expect(read(exportOf(), null)).toEqual({ ok: true, checked: 2, firstBroken: null });
  });

  it('names an earlier checkpoint whose root or signature was edited', () => {
    const edited = (change: Partial<CheckpointRecord>) =>
      read(exportOf(([first, second, latest]) => [first, { ...second, ...change }, latest])).firstBroken;
    for (const change of [{ root: 'b'.repeat(64) }, { signature: Buffer.alloc(64).toString('base64') }])
      expect(edited(change)).toMatchObject({
        reason: 'modified',
        check: 'checkpoint.signature',
        expected: { checkpoint: 2 },
      });
  });

  it('with a pinned key, a checkpoint after the first signed one must be signed; another key is untrusted', () => {
    const unsignedLater = exportOf(([first, second, latest]) => [
      checkpoint(first.id, first.count, first.root),
      { ...second, signature: null },
      latest,
    ]);
    expect(read(unsignedLater).firstBroken).toMatchObject({
      reason: 'untrusted',
      check: 'checkpoint.signature',
      expected: { checkpoint: 2 },
    });
    const other = createPublicKey(generateKeyPairSync('ed25519').privateKey);
    expect(read(exportOf(), other).firstBroken).toMatchObject({
      reason: 'untrusted',
      check: 'checkpoint.publicKey',
      expected: { checkpoint: 2 },
    });
  });

  it('refuses checkpoints out of id order and a count that decreases', () => {
    const swapped = exportOf(([first, second, latest]) => [second, first, latest]);
    expect(read(swapped, null).firstBroken).toMatchObject({ reason: 'reordered', check: 'checkpoint.id' });
    const fewer = exportOf(([first, , latest]) => [
      { ...first, count: 2 },
      checkpoint(2, 1, 'a'.repeat(64)),
      latest,
    ]);
    expect(read(fewer).firstBroken).toMatchObject({
      reason: 'truncated',
      check: 'checkpoint.count',
      expected: { checkpoint: 2, atLeast: { checkpoint: 1, count: 2 } },
      found: 1,
    });
  });

  it('detects a removed checkpoint line by the end line, and a removed latest one by its root too', () => {
    const lines = exportOf();
    const withoutEarlier = lines.filter((_, index) => index !== 4);
    expect(read(withoutEarlier).firstBroken).toMatchObject({
      reason: 'truncated',
      check: 'file.end',
      found: { entries: 2, checkpoints: 2 },
    });
    const withoutLatest = [...lines.slice(0, 6), { kind: 'end', projects: 1, entries: 2, checkpoints: 2 }];
    expect(read(withoutLatest).firstBroken).toMatchObject({
      check: 'checkpoint.root',
      expected: { checkpoint: 2 },
    });
  });

  it('refuses project lines after the checkpoints and an unknown format version', () => {
    const lines = exportOf();
    const late = [...lines.slice(0, 5), lines[1], ...lines.slice(5)];
    expect(read(late).firstBroken).toMatchObject({ reason: 'modified', check: 'file.line 6' });
    const future = [{ ...lines[0], formatVersion: 3 }, ...lines.slice(1)];
    expect(read(future).firstBroken).toMatchObject({ check: 'file.line 1', found: 3 });
  });

  it('still reads version 1: one checkpoint line, the latest or null, and no checkpoint count', () => {
    const lines = exportOf();
    const version1 = [
      { ...lines[0], formatVersion: 1 },
      ...lines.slice(1, 4),
      lines[6],
      { kind: 'end', projects: 1, entries: 2 },
    ];
    expect(read(version1)).toEqual({ ok: true, checked: 2, firstBroken: null });
    const twoLines = [...version1.slice(0, 4), lines[5], ...version1.slice(4)];
    expect(read(twoLines).firstBroken).toMatchObject({ check: 'file.line 6' });
    const empty = [
      { ...lines[0], formatVersion: 1 },
      { kind: 'checkpoint', checkpoint: null },
      { kind: 'end', projects: 0, entries: 0 },
    ];
    expect(read(empty)).toEqual({ ok: true, checked: 0, firstBroken: null });
  });
});
