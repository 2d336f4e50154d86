import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { JsonObject } from '../lifecycle/definition.types';
import type { StateValueJson } from '../lifecycle/engine.types';
import type { Deadline } from '../event-store/event-store.types';

const DAY_MS = 86_400_000;

export class DeadlineView {
  @ApiProperty({ example: 'industrial-project.construction.active#overdue' }) key!: string;
  @ApiProperty({ example: 'overdue' }) delay!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ description: 'How the deadline was derived: rule, base date, offset, pauses, changes' })
  derivation!: Deadline['derivation'];
}

/** A project as lists show it: everything but the (large) machine context. */
export class ProjectSummaryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'ent-biotech' }) enterpriseId!: string;
  @ApiProperty({ example: '个体化医疗检测产品研发平台 Personalised diagnostics platform' }) title!: string;
  @ApiProperty({ example: { key: 'industrial-project', version: 1 } }) definition!: {
    key: string;
    version: number;
  };
  @ApiProperty({ description: 'XState state value', example: { construction: 'active' } })
  state!: StateValueJson;
  @ApiProperty({ example: ['construction', 'construction.active'] }) statePaths!: string[];
  @ApiProperty({ enum: ['active', 'done'] }) status!: 'active' | 'done';
  @ApiProperty({ example: ['overdue'] }) flags!: string[];
  @ApiProperty() overdue!: boolean;
  @ApiPropertyOptional({ format: 'date-time' }) overdueSince?: string;
  @ApiPropertyOptional({ description: 'Whole days since the project became overdue' }) daysOverdue?: number;
  @ApiProperty({ type: [DeadlineView] }) deadlines!: DeadlineView[];
  @ApiProperty({ example: 7, description: 'Number of events in the stream; also the ETag' }) version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class ProjectView extends ProjectSummaryView {
  @ApiProperty({ description: 'The machine context (project data, reports, changes, flags, ...)' })
  context!: JsonObject;
}

export type ProjectSummaryRow = Omit<ProjectRow, 'context'>;

export interface ProjectRow {
  id: string;
  enterprise_id: string;
  title: string;
  definition_key: string;
  definition_version: number;
  state_value: StateValueJson;
  state_paths: string[];
  status: 'active' | 'done';
  context: JsonObject;
  flags: string[];
  overdue: boolean;
  overdue_since: Date | string | null;
  deadlines: Deadline[];
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
}

export const PROJECT_SUMMARY_COLUMNS = `id, enterprise_id, title, definition_key, definition_version, state_value,
  state_paths, status, flags, overdue, overdue_since, deadlines, version, created_at, updated_at`;

export const PROJECT_COLUMNS = `${PROJECT_SUMMARY_COLUMNS}, context`;

function iso(value: Date | string): string {
  return new Date(value).toISOString();
}

export function projectViewOf(row: ProjectRow, now: Date): ProjectView {
  return { ...projectSummaryOf(row, now), context: row.context };
}

export function projectSummaryOf(row: ProjectSummaryRow, now: Date): ProjectSummaryView {
  const overdueSince = row.overdue_since ? iso(row.overdue_since) : undefined;
  return {
    id: row.id,
    enterpriseId: row.enterprise_id,
    title: row.title,
    definition: { key: row.definition_key, version: row.definition_version },
    state: row.state_value,
    statePaths: row.state_paths,
    status: row.status,
    flags: row.flags,
    overdue: row.overdue,
    overdueSince,
    daysOverdue: overdueSince
      ? Math.max(0, Math.floor((now.getTime() - Date.parse(overdueSince)) / DAY_MS))
      : undefined,
    deadlines: row.deadlines.map(({ key, delay, dueAt, derivation }) => ({ key, delay, dueAt, derivation })),
    version: row.version,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export class AvailableEventView {
  @ApiProperty({ example: 'PROGRESS_REPORT' }) type!: string;
  @ApiProperty({ example: { zh: '提交项目进展表', en: 'Submit progress report' } }) label!: {
    zh: string;
    en: string;
  };
  @ApiPropertyOptional() description?: { zh: string; en: string };
  @ApiProperty({ description: 'JSON Schema of the payload' }) payload!: JsonObject;
}

export class TransitionView {
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty({ example: 8 }) version!: number;
  @ApiProperty({ example: 'PROGRESS_REPORT' }) event!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ example: { construction: 'active' } }) state!: StateValueJson;
  @ApiProperty() statePaths!: string[];
  @ApiProperty({ enum: ['active', 'done'] }) status!: 'active' | 'done';
  @ApiProperty() flags!: string[];
  @ApiProperty({ description: 'Events the caller may send now (labels only; schemas via available-events)' })
  availableEvents!: { type: string; label: { zh: string; en: string } }[];
}

export class ProjectEventView {
  @ApiProperty() version!: number;
  @ApiProperty() type!: string;
  @ApiProperty() payload!: JsonObject;
  @ApiProperty({ example: { id: '…', role: 'enterprise' } }) actor!: { id: string; role: string };
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiPropertyOptional() stateBefore?: StateValueJson;
  @ApiProperty() stateAfter!: StateValueJson;
  @ApiProperty() definition!: { key: string; version: number };
  @ApiPropertyOptional() requestId?: string;
  @ApiPropertyOptional({ description: 'Localized label of the event type' }) label?: {
    zh: string;
    en: string;
  };
}

export class ProjectPageView {
  @ApiProperty({ type: [ProjectSummaryView] }) items!: ProjectSummaryView[];
  @ApiPropertyOptional({ description: 'Pass as ?cursor= for the next page; absent on the last page' })
  nextCursor?: string;
}
