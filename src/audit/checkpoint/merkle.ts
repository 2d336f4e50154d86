import { createHash } from 'node:crypto';
import { canonicalJson } from '../../common/canonical-json';

/** One leaf of a checkpoint: where a project's chain ended when the checkpoint was taken. */
export interface ChainHeadLeaf {
  projectId: string;
  version: number;
  hash: string;
}

function sha256(...parts: Buffer[]): Buffer {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
}

const LEAF = Buffer.from([0]);
const NODE = Buffer.from([1]);

/**
 * The RFC 6962 Merkle tree hash (leaf = H(0x00 || data), node = H(0x01 || left || right)), computed
 * as leaves arrive: the stack holds one perfect subtree per bit of the count, so memory stays
 * logarithmic however many projects there are.
 */
export class MerkleRoot {
  private readonly stack: { height: number; hash: Buffer }[] = [];
  private leaves = 0;

  add(leaf: ChainHeadLeaf): void {
    const data = canonicalJson({ projectId: leaf.projectId, version: leaf.version, hash: leaf.hash });
    let node = { height: 0, hash: sha256(LEAF, Buffer.from(data, 'utf8')) };
    while (this.stack.length > 0 && this.stack[this.stack.length - 1].height === node.height) {
      const left = this.stack.pop() as { height: number; hash: Buffer };
      node = { height: node.height + 1, hash: sha256(NODE, left.hash, node.hash) };
    }
    this.stack.push(node);
    this.leaves++;
  }

  get count(): number {
    return this.leaves;
  }

  /** Hex root; the empty tree hashes the empty string. */
  root(): string {
    if (this.stack.length === 0) return sha256().toString('hex');
    let right = this.stack[this.stack.length - 1].hash;
    for (let i = this.stack.length - 2; i >= 0; i--) right = sha256(NODE, this.stack[i].hash, right);
    return right.toString('hex');
  }
}

export function merkleRootOf(leaves: readonly ChainHeadLeaf[]): string {
  const tree = new MerkleRoot();
  for (const leaf of leaves) tree.add(leaf);
  return tree.root();
}
