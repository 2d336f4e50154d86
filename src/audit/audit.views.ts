import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CheckpointRecord } from './verify/verify-items';

export type CheckpointView = CheckpointRecord;

export class CheckpointViewDto implements CheckpointView {
  @ApiProperty({ example: 3 })
  id!: number;

  @ApiProperty({ example: '2026-03-01T08:00:00.000Z' })
  createdAt!: string;

  @ApiProperty({ description: 'Number of chain heads (projects) covered', example: 1200 })
  count!: number;

  @ApiProperty({ description: 'RFC 6962 Merkle root (hex) over the heads, sorted by project id' })
  root!: string;

  @ApiProperty({ nullable: true, type: String, example: 'Ed25519' })
  algorithm!: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'base64 signature of {createdAt, count, root} (RFC 8785)',
  })
  signature!: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'SPKI PEM public key of the signer' })
  publicKey!: string | null;
}

export class BrokenPlaceDto {
  @ApiProperty({ nullable: true, type: String })
  projectId!: string | null;

  @ApiProperty({ nullable: true, type: Number })
  version!: number | null;

  @ApiProperty({ enum: ['modified', 'missing', 'reordered', 'truncated', 'untrusted'] })
  reason!: string;

  @ApiProperty({ example: { zh: '记录被改动', en: 'Modified' } })
  label!: { zh: string; en: string };

  @ApiProperty({ example: 'entry.payloadDigest', description: 'The check that failed' })
  check!: string;

  @ApiProperty({ description: 'What the chain says should be there' })
  expected!: unknown;

  @ApiProperty({ description: 'What is there' })
  found!: unknown;
}

export class VerifyResultDto {
  @ApiProperty()
  ok!: boolean;

  @ApiProperty({ description: 'Audit entries checked' })
  checked!: number;

  @ApiProperty({ type: BrokenPlaceDto, nullable: true })
  firstBroken!: BrokenPlaceDto | null;
}

export interface SecurityEntryView {
  id: string;
  principalId: string;
  role: string;
  projectId: string | null;
  eventType: string | null;
  status: number;
  reason: string;
  detail: Record<string, unknown>;
  requestId: string | null;
  occurredAt: string;
  recordedAt: string;
}

export class SecurityEntryDto implements SecurityEntryView {
  @ApiProperty() id!: string;
  @ApiProperty() principalId!: string;
  @ApiProperty() role!: string;
  @ApiProperty({ nullable: true, type: String }) projectId!: string | null;
  @ApiProperty({ nullable: true, type: String }) eventType!: string | null;
  @ApiProperty({ example: 403 }) status!: number;
  @ApiProperty({ example: 'forbidden' }) reason!: string;
  @ApiProperty({ description: 'The problem document the caller got' }) detail!: Record<string, unknown>;
  @ApiProperty({ nullable: true, type: String }) requestId!: string | null;
  @ApiProperty() occurredAt!: string;
  @ApiProperty() recordedAt!: string;
}

export class SecurityEntryPageDto {
  @ApiProperty({ type: [SecurityEntryDto] })
  items!: SecurityEntryDto[];

  @ApiPropertyOptional({ description: 'Pass as ?cursor= for the next (older) page' })
  nextCursor?: string;
}

export class ReplayViewDto {
  @ApiProperty() projectId!: string;
  @ApiProperty({ example: { key: 'industrial-project', version: 1 } })
  definition!: { key: string; version: number };
  @ApiProperty({ description: 'The last event replayed' }) version!: number;
  @ApiProperty() occurredAt!: string;
  @ApiProperty({ description: 'Rebuilt state value' }) state!: unknown;
  @ApiProperty({ description: 'Rebuilt context' }) context!: unknown;
  @ApiProperty({ enum: ['active', 'done', 'error', 'stopped'] }) status!: string;
  @ApiProperty({ description: 'True when every comparison below holds' }) matches!: boolean;
  @ApiProperty({ description: 'Replayed state equals state_after of every event up to `version`' })
  matchesEvents!: boolean;
  @ApiProperty({
    nullable: true,
    type: Boolean,
    description: 'At the last event: state and context equal the project read model; null before it',
  })
  matchesReadModel!: boolean | null;
  @ApiProperty({
    description: 'Where replay and record differ: the first 100 of the events, then those of the read model',
  })
  mismatches!: unknown[];
  @ApiProperty({ description: 'How many mismatches there are in all, listed or not' })
  mismatchCount!: number;
}
