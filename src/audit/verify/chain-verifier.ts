import type { KeyObject } from 'node:crypto';
import { canonicalJson } from '../../common/canonical-json';
import { auditEntryOf, chainHash, GENESIS_HASH, type AuditEntry } from '../audit-entry';
import { signatureProblem } from '../checkpoint/checkpoint-trust';
import { MerkleRoot } from '../checkpoint/merkle';
import type { CheckpointRecord, EntryItem, ProjectItem, VerifyItem } from './verify-items';
import { broken, type BrokenPlace, type VerifyResult } from './verify-result';

/**
 * Verifies a stream of projects and their entries in one pass, keeping only the current project's
 * position: memory stays flat whatever the size of the log. Stops at the first broken place.
 */
export class ChainVerifier {
  private project: ProjectItem | null = null;
  private nextVersion = 1;
  private prevHash = GENESIS_HASH;
  private checked = 0;
  private readonly heads = new MerkleRoot();
  private failure: BrokenPlace | null = null;

  /** `pinnedKey`: the key checkpoint signatures must verify under (see signatureProblem). */
  constructor(private readonly pinnedKey: KeyObject | null = null) {}

  /** Feeds one item; answers false once something is broken (stop feeding then). */
  accept(item: VerifyItem, checkRoot = true): boolean {
    if (this.failure) return false;
    if (item.kind === 'project') this.failure = this.finishProject() ?? this.startProject(item);
    else if (item.kind === 'entry') this.failure = this.entry(item);
    else this.failure = this.finishProject() ?? (checkRoot ? this.checkpoint(item.checkpoint) : null);
    return this.failure === null;
  }

  /** Records a break found outside the stream (e.g. by a database-wide check). */
  fail(place: BrokenPlace): void {
    this.failure ??= place;
  }

  result(): VerifyResult {
    return { ok: this.failure === null, checked: this.checked, firstBroken: this.failure };
  }

  get entriesChecked(): number {
    return this.checked;
  }

  private startProject(item: ProjectItem): null {
    this.project = item;
    this.nextVersion = 1;
    this.prevHash = GENESIS_HASH;
    if (item.checkpointHead) this.heads.add({ projectId: item.projectId, ...item.checkpointHead });
    return null;
  }

  private entry({ event, audit }: EntryItem): BrokenPlace | null {
    const projectId = event.projectId;
    const at = (version: number | null, rest: Omit<BrokenPlace, 'label' | 'projectId' | 'version'>) =>
      broken({ projectId, version, ...rest });
    if (!this.project || this.project.projectId !== projectId)
      return at(event.version, { reason: 'missing', check: 'project', expected: projectId, found: null });
    if (event.version > this.nextVersion)
      return at(this.nextVersion, {
        reason: 'missing',
        check: 'version',
        expected: this.nextVersion,
        found: event.version,
      });
    if (event.version < this.nextVersion)
      return at(event.version, {
        reason: 'reordered',
        check: 'version',
        expected: this.nextVersion,
        found: event.version,
      });
    if (!audit)
      return at(event.version, { reason: 'missing', check: 'auditEntry', expected: 'entry', found: null });
    const problem = this.linkProblem(event.version, audit) ?? this.eventProblem(event, audit.entry);
    if (problem) return at(event.version, problem);
    const checkpoint = this.project.checkpointHead;
    if (checkpoint && checkpoint.version === event.version && checkpoint.hash !== audit.hash)
      return at(event.version, {
        reason: 'modified',
        check: 'checkpoint',
        expected: checkpoint.hash,
        found: audit.hash,
      });
    this.prevHash = audit.hash;
    this.nextVersion++;
    this.checked++;
    return null;
  }

  /** The stored entry sits at its version, links to the one before and hashes to its hash. */
  private linkProblem(
    version: number,
    audit: NonNullable<EntryItem['audit']>,
  ): Omit<BrokenPlace, 'label' | 'projectId' | 'version'> | null {
    if (audit.entry.version !== version)
      return { reason: 'reordered', check: 'entry.version', expected: version, found: audit.entry.version };
    if (audit.prevHash !== this.prevHash) {
      // An intact entry chained after another predecessor was moved; otherwise something was rewritten.
      const intact = chainHash(audit.prevHash, audit.entry) === audit.hash;
      return {
        reason: intact ? 'reordered' : 'modified',
        check: 'prevHash',
        expected: this.prevHash,
        found: audit.prevHash,
      };
    }
    const expected = chainHash(this.prevHash, audit.entry);
    if (expected !== audit.hash) return { reason: 'modified', check: 'hash', expected, found: audit.hash };
    return null;
  }

  /** The entry re-derived from the event row equals the stored one, field by field. */
  private eventProblem(
    event: EntryItem['event'],
    stored: AuditEntry,
  ): Omit<BrokenPlace, 'label' | 'projectId' | 'version'> | null {
    const rebuilt = auditEntryOf(event);
    // One comparison in the common (intact) case; the field-by-field walk only locates a difference.
    if (canonicalJson(rebuilt) === canonicalJson(stored)) return null;
    const derived: Record<string, unknown> = { ...rebuilt };
    const kept: Record<string, unknown> = { ...stored };
    for (const key of new Set([...Object.keys(derived), ...Object.keys(kept)])) {
      if (canonicalOrNull(derived[key]) !== canonicalOrNull(kept[key]))
        return {
          reason: 'modified',
          check: `entry.${key}`,
          expected: kept[key] ?? null,
          found: derived[key] ?? null,
        };
    }
    return null;
  }

  /** At the end of a project: the chain reaches its recorded head and the checkpoint's head. */
  private finishProject(): BrokenPlace | null {
    const project = this.project;
    if (!project) return null;
    this.project = null;
    const last = this.nextVersion - 1;
    const at = (rest: Omit<BrokenPlace, 'label' | 'projectId'>) =>
      broken({ projectId: project.projectId, ...rest });
    const checkpoint = project.checkpointHead;
    if (checkpoint && last < checkpoint.version)
      return at({
        version: last + 1,
        reason: 'truncated',
        check: 'checkpoint',
        expected: checkpoint,
        found: { version: last, hash: this.prevHash },
      });
    if (!project.head)
      return at({
        version: null,
        reason: 'missing',
        check: 'project',
        expected: 'projects row',
        found: null,
      });
    if (project.head.version !== last || project.head.chainHead !== this.prevHash)
      return at({
        version: Math.min(project.head.version, last + 1),
        reason: project.head.version > last ? 'truncated' : 'modified',
        check: 'chainHead',
        expected: project.head,
        found: { version: last, chainHead: this.prevHash },
      });
    return null;
  }

  /** The checkpoint's root covers exactly the heads seen, and its signature holds. */
  private checkpoint(record: CheckpointRecord | null): BrokenPlace | null {
    const seen = { count: this.heads.count, root: this.heads.root() };
    if (!record) {
      if (seen.count === 0) return null;
      return broken({
        projectId: null,
        version: null,
        reason: 'missing',
        check: 'checkpoint',
        expected: seen,
        found: null,
      });
    }
    if (record.count !== seen.count || record.root !== seen.root)
      return broken({
        projectId: null,
        version: null,
        reason: record.count > seen.count ? 'truncated' : 'modified',
        check: 'checkpoint.root',
        expected: { checkpoint: record.id, count: record.count, root: record.root },
        found: seen,
      });
    // The latest checkpoint is the one an auditor relies on: with a pinned key it must be signed by it.
    const problem = signatureProblem(record, this.pinnedKey, true);
    return problem ? broken({ projectId: null, version: null, ...problem }) : null;
  }
}

function canonicalOrNull(value: unknown): string {
  return value === undefined ? 'null' : canonicalJson(value);
}
