import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { canonicalJson } from '../../../src/common/canonical-json';
import { auditEntryOf, chainHash, GENESIS_HASH } from '../../../src/audit/audit-entry';
import { auditedEvent } from './audited-event';
import {
  parseCheckpointKey,
  signerOf,
  verifyCheckpointSignature,
} from '../../../src/audit/checkpoint/checkpoint-key';
import { merkleRootOf, type ChainHeadLeaf } from '../../../src/audit/checkpoint/merkle';
import { csvCell } from '../../../src/audit/export/history-lines';
import { keptMismatches } from '../../../src/audit/replay/kept-mismatches';
import { keptCount, replayBoundOf, withinBound } from '../../../src/audit/replay/replay-bounds';
import { ChainVerifier } from '../../../src/audit/verify/chain-verifier';
import type { VerifyItem } from '../../../src/audit/verify/verify-items';
import { loadAuditSettings } from '../../../src/audit/audit-settings';
import { signatureProblem } from '../../../src/audit/checkpoint/checkpoint-trust';
import { publicKeyPemOf } from '../../../src/audit/checkpoint/checkpoint-key';

const h = (...parts: Buffer[]) =>
  parts.reduce((hash, part) => hash.update(part), createHash('sha256')).digest();

/** RFC 6962 section 2.1, written recursively as the RFC states it. */
function referenceRoot(leaves: ChainHeadLeaf[]): Buffer {
  if (leaves.length === 0) return h();
  if (leaves.length === 1) return h(Buffer.from([0]), Buffer.from(canonicalJson(leaves[0])));
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return h(Buffer.from([1]), referenceRoot(leaves.slice(0, k)), referenceRoot(leaves.slice(k)));
}

const leaf = (i: number): ChainHeadLeaf => ({
  projectId: `p${i}`,
  version: i + 1,
  hash: String(i).padStart(64, '0'),
});

describe('checkpoint Merkle root', () => {
  it.each([0, 1, 2, 3, 5, 7, 8, 13])('equals the RFC 6962 tree hash for %i leaves', (n) => {
    const leaves = Array.from({ length: n }, (_, i) => leaf(i));
    expect(merkleRootOf(leaves)).toBe(referenceRoot(leaves).toString('hex'));
  });

  it('changes when one head changes', () => {
    const leaves = [leaf(0), leaf(1), leaf(2)];
    expect(merkleRootOf(leaves)).not.toBe(merkleRootOf([leaf(0), { ...leaf(1), version: 9 }, leaf(2)]));
  });
});

describe('checkpoint signing', () => {
  const { privateKey } = generateKeyPairSync('ed25519');
  const fields = { createdAt: '2026-01-01T00:00:00.000Z', count: 2, root: 'a'.repeat(64) };

  it('reads PEM and base64 PKCS#8 keys and verifies what it signs', () => {
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const der = privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
    for (const text of [pem, der]) {
      const signer = signerOf(parseCheckpointKey(text));
      const signature = signer.sign(fields);
      expect(verifyCheckpointSignature(fields, signature, signer.publicKeyPem)).toBe(true);
      expect(verifyCheckpointSignature({ ...fields, count: 3 }, signature, signer.publicKeyPem)).toBe(false);
    }
  });

  it('refuses a key that is not Ed25519 PKCS#8, naming the variable', () => {
    expect(() => parseCheckpointKey('not a key')).toThrow(/WAYPOST_CHECKPOINT_KEY/);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({
      format: 'pem',
      type: 'pkcs8',
    });
    expect(() => parseCheckpointKey(rsa.toString())).toThrow(/Ed25519/);
  });

  it('reads the interval, 3600 s by default, and refuses nonsense', () => {
    expect(loadAuditSettings({}).checkpointIntervalS).toBe(3600);
    expect(loadAuditSettings({ WAYPOST_CHECKPOINT_INTERVAL_S: '0' }).checkpointIntervalS).toBe(0);
    expect(() => loadAuditSettings({ WAYPOST_CHECKPOINT_INTERVAL_S: 'soon' })).toThrow(
      /WAYPOST_CHECKPOINT_INTERVAL_S/,
    );
  });
});

describe('checkpoint key pinning', () => {
  const ours = generateKeyPairSync('ed25519').privateKey;
  const theirs = generateKeyPairSync('ed25519').privateKey;
  const fields = { createdAt: '2026-01-01T00:00:00.000Z', count: 2, root: 'b'.repeat(64) };
  const signedBy = (key: typeof ours) => {
    const signer = signerOf(key);
    return {
      id: 1,
      ...fields,
      algorithm: 'Ed25519',
      signature: signer.sign(fields),
      publicKey: signer.publicKeyPem,
    };
  };
  const pinned = loadAuditSettings({
    WAYPOST_CHECKPOINT_PUBLIC_KEY: publicKeyPemOf(ours),
  }).checkpointPublicKey;

  it('reads the public key as PEM or base64 SPKI, or derives it from the signing key', () => {
    const der = ours.export({ format: 'der', type: 'pkcs8' }).toString('base64');
    const spki = publicKeyPemOf(ours);
    const spkiDer = createPublicKey(ours).export({ format: 'der', type: 'spki' }).toString('base64');
    for (const env of [
      { WAYPOST_CHECKPOINT_PUBLIC_KEY: spki },
      { WAYPOST_CHECKPOINT_PUBLIC_KEY: spkiDer },
      { WAYPOST_CHECKPOINT_KEY: der },
      { WAYPOST_CHECKPOINT_KEY: der, WAYPOST_CHECKPOINT_PUBLIC_KEY: spki },
    ]) {
      const key = loadAuditSettings(env).checkpointPublicKey;
      expect(key && publicKeyPemOf(key)).toBe(spki);
    }
    expect(loadAuditSettings({}).checkpointPublicKey).toBeNull();
  });

  it('refuses a public key that does not parse, is not Ed25519, or does not match the signing key', () => {
    expect(() => loadAuditSettings({ WAYPOST_CHECKPOINT_PUBLIC_KEY: 'nope' })).toThrow(
      /WAYPOST_CHECKPOINT_PUBLIC_KEY is not a PEM or base64 SPKI/,
    );
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({
      format: 'pem',
      type: 'spki',
    });
    expect(() => loadAuditSettings({ WAYPOST_CHECKPOINT_PUBLIC_KEY: rsa.toString() })).toThrow(/Ed25519/);
    expect(() =>
      loadAuditSettings({
        WAYPOST_CHECKPOINT_KEY: theirs.export({ format: 'pem', type: 'pkcs8' }).toString(),
        WAYPOST_CHECKPOINT_PUBLIC_KEY: publicKeyPemOf(ours),
      }),
    ).toThrow(/not the public key of WAYPOST_CHECKPOINT_KEY/);
  });

  it('trusts a signature by the pinned key only, never the key the checkpoint carries', () => {
    expect(signatureProblem(signedBy(ours), pinned, true)).toBeNull();
    expect(signatureProblem(signedBy(theirs), pinned, true)).toMatchObject({
      reason: 'untrusted',
      check: 'checkpoint.publicKey',
    });
    // Re-signed by another key but still naming ours: the signature itself fails.
    expect(
      signatureProblem({ ...signedBy(theirs), publicKey: publicKeyPemOf(ours) }, pinned, true),
    ).toMatchObject({
      reason: 'modified',
      check: 'checkpoint.signature',
    });
    // Without a pinned key a signature is only checked against the key it carries.
    expect(signatureProblem(signedBy(theirs), null, true)).toBeNull();
  });

  it('with a pinned key, a required checkpoint must be signed; an earlier unsigned one may predate the key', () => {
    const unsigned = { ...signedBy(ours), algorithm: null, signature: null, publicKey: null };
    expect(signatureProblem(unsigned, pinned, true)).toMatchObject({
      reason: 'untrusted',
      check: 'checkpoint.signature',
    });
    expect(signatureProblem(unsigned, pinned, false)).toBeNull();
    expect(signatureProblem(unsigned, null, true)).toBeNull();
  });
});

describe('ChainVerifier', () => {
  const event = auditedEvent;
  function chain(n: number): { items: VerifyItem[]; head: string } {
    const items: VerifyItem[] = [];
    let prev = GENESIS_HASH;
    for (let v = 1; v <= n; v++) {
      const entry = auditEntryOf(event(v));
      const hash = chainHash(prev, entry);
      items.push({ kind: 'entry', event: event(v), audit: { entry, prevHash: prev, hash } });
      prev = hash;
    }
    return { items, head: prev };
  }
  const run = (items: VerifyItem[]) => {
    const verifier = new ChainVerifier();
    for (const item of items) if (!verifier.accept(item)) break;
    return verifier.result();
  };
  const signer = signerOf(generateKeyPairSync('ed25519').privateKey);

  function withCheckpoint(
    tweak: (c: { root: string; count: number; signature: string }) => object = (c) => c,
  ) {
    const { items, head } = chain(3);
    const root = merkleRootOf([{ projectId: 'p', version: 3, hash: head }]);
    const fields = { createdAt: '2026-01-02T00:00:00.000Z', count: 1, root };
    const checkpoint = {
      id: 1,
      ...fields,
      algorithm: 'Ed25519',
      signature: signer.sign(fields),
      publicKey: signer.publicKeyPem,
    };
    return [
      {
        kind: 'project',
        projectId: 'p',
        head: { version: 3, chainHead: head },
        checkpointHead: { version: 3, hash: head },
      },
      ...items,
      { kind: 'checkpoint', checkpoint: { ...checkpoint, ...tweak(checkpoint) } },
    ] as VerifyItem[];
  }

  it('accepts an intact chain with its signed checkpoint', () => {
    expect(run(withCheckpoint())).toEqual({ ok: true, checked: 3, firstBroken: null });
  });

  it('reports a checkpoint whose root does not cover the heads, and a bad signature', () => {
    expect(run(withCheckpoint((c) => ({ count: c.count + 1 }))).firstBroken).toMatchObject({
      reason: 'truncated',
      check: 'checkpoint.root',
    });
    expect(
      run(withCheckpoint(() => ({ signature: Buffer.alloc(64).toString('base64') }))).firstBroken,
    ).toMatchObject({
      reason: 'modified',
      check: 'checkpoint.signature',
    });
  });

  it('reports entries without a project line and a read-model head beyond the chain', () => {
    const { items, head } = chain(2);
    expect(run(items).firstBroken).toMatchObject({ reason: 'missing', check: 'project', version: 1 });
    const ahead = run([
      { kind: 'project', projectId: 'p', head: { version: 3, chainHead: head }, checkpointHead: null },
      ...items,
      { kind: 'checkpoint', checkpoint: null },
    ]);
    expect(ahead.firstBroken).toMatchObject({ reason: 'truncated', check: 'chainHead', version: 3 });
  });
});

describe('replay bounds', () => {
  const events = [
    { version: 1, occurredAt: '2026-01-01T00:00:00.000Z' },
    { version: 2, occurredAt: '2026-01-02T00:00:00.000Z' },
  ];
  it('keeps the events up to a version or an instant', () => {
    expect(keptCount(replayBoundOf('1', undefined), events)).toBe(1);
    expect(keptCount(replayBoundOf(undefined, '2026-01-01T12:00:00+08:00'), events)).toBe(1);
    expect(keptCount(replayBoundOf(undefined, undefined), events)).toBe(2);
  });

  it('ends the prefix at the first event outside the bound, also one recorded out of clock order', () => {
    const bound = replayBoundOf(undefined, '2026-01-01T12:00:00Z');
    const late = { version: 2, occurredAt: '2026-01-02T00:00:00.000Z' };
    expect(withinBound(bound, events[0])).toBe(true);
    expect(withinBound(bound, late)).toBe(false);
    expect(
      keptCount(bound, [...events.slice(0, 1), late, { version: 3, occurredAt: events[0].occurredAt }]),
    ).toBe(1);
    expect(withinBound(replayBoundOf('1', undefined), events[1])).toBe(false);
  });

  it('refuses a version past the end and an instant before creation, as the paged replay does', () => {
    expect(() => keptCount(replayBoundOf('3', undefined), events)).toThrow(
      expect.objectContaining({
        extensions: { errors: [{ path: '/to', message: 'is past the end: the project has 2 events' }] },
      }),
    );
    expect(() => keptCount(replayBoundOf(undefined, '2025-12-31T00:00:00Z'), [])).toThrow(
      expect.objectContaining({
        extensions: { errors: [{ path: '/at', message: 'is before the project was created (no events)' }] },
      }),
    );
  });
});

describe('kept mismatches', () => {
  it('keeps the first ones in order and counts them all', () => {
    const kept = keptMismatches(2);
    for (let version = 1; version <= 5; version++)
      kept.add({ version, check: 'stateAfter', expected: 'a', found: 'b' });
    expect(kept.kept.map((mismatch) => mismatch.version)).toEqual([1, 2]);
    expect(kept.total()).toBe(5);
  });
});

describe('CSV cells', () => {
  it('quotes separators and defuses spreadsheet formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell({ a: 1 })).toBe('"{""a"":1}"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(-5)).toBe('-5');
  });
});
