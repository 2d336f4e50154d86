import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { DefinitionStatus, DefinitionVersionEntity } from './definition-version.entity';

export class DefinitionVersionSummary {
  @ApiProperty({ example: 'industrial-project' }) key!: string;
  @ApiProperty({ example: 1 }) version!: number;
  @ApiProperty({ enum: ['draft', 'published'] }) status!: DefinitionStatus;
  @ApiProperty({ description: 'Title in Chinese and English' }) title!: { zh: string; en: string };
  @ApiProperty({ description: 'SHA-256 of the RFC 8785 canonical JSON of the definition' }) bodyHash!: string;
  @ApiProperty({ enum: ['api', 'workflows'] }) source!: string;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional() publishedBy?: string;
  @ApiPropertyOptional({ format: 'date-time' }) publishedAt?: string;

  static of(entity: DefinitionVersionEntity): DefinitionVersionSummary {
    const title = entity.body.title as { zh: string; en: string };
    return {
      key: entity.key,
      version: entity.version,
      status: entity.status,
      title,
      bodyHash: entity.bodyHash,
      source: entity.source,
      createdBy: entity.createdBy,
      createdAt: entity.createdAt.toISOString(),
      publishedBy: entity.publishedBy ?? undefined,
      publishedAt: entity.publishedAt?.toISOString(),
    };
  }
}

export class DefinitionVersionView extends DefinitionVersionSummary {
  @ApiProperty({ description: 'The lifecycle definition (see workflows/industrial-project.json)' })
  definition!: Record<string, unknown>;

  static full(entity: DefinitionVersionEntity): DefinitionVersionView {
    return { ...DefinitionVersionSummary.of(entity), definition: entity.body };
  }
}

export class DefinitionKeyView {
  @ApiProperty({ example: 'industrial-project' }) key!: string;
  @ApiPropertyOptional({ description: 'Newest published version' }) latestPublished?: number;
  @ApiProperty({ type: [DefinitionVersionSummary] }) versions!: DefinitionVersionSummary[];
}

export class ValidationResultView {
  @ApiProperty() valid!: boolean;
  @ApiProperty({
    description: 'Every problem, each with its JSON path',
    example: [{ path: '/machine/initial', message: 'unknown state "drafts"' }],
  })
  problems!: { path: string; message: string }[];
}
