import type { AuditedEvent, AuditEntry } from '../audit-entry';

/** The stream a verification reads, from the database or from an export file, in this order. */
export type VerifyItem = ProjectItem | EntryItem | CheckpointItem;

/** Starts a project's entries: where the read model and the latest checkpoint say its chain ends. */
export interface ProjectItem {
  kind: 'project';
  projectId: string;
  head: { version: number; chainHead: string } | null;
  checkpointHead: { version: number; hash: string } | null;
}

/** One event row with its audit row (null when the audit row is gone). */
export interface EntryItem {
  kind: 'entry';
  event: AuditedEvent & { recordedAt: string };
  audit: { entry: AuditEntry; prevHash: string; hash: string } | null;
}

export interface CheckpointRecord {
  id: number;
  createdAt: string;
  count: number;
  root: string;
  algorithm: string | null;
  signature: string | null;
  publicKey: string | null;
}

/**
 * Ends the stream: the latest checkpoint the project items carried heads of. An export has one such
 * line per checkpoint, oldest first, the latest last.
 */
export interface CheckpointItem {
  kind: 'checkpoint';
  checkpoint: CheckpointRecord | null;
}
