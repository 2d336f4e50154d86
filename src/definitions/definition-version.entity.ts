import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { JsonObject } from '../lifecycle/definition.types';

export type DefinitionStatus = 'draft' | 'published';
export type DefinitionSource = 'api' | 'workflows';

@Entity({ tableName: 'definition_versions' })
export class DefinitionVersionEntity {
  @PrimaryKey({ type: 'string', length: 64 })
  key!: string;

  @PrimaryKey({ type: 'integer' })
  version!: number;

  @Property({ type: 'string', length: 16 })
  status!: DefinitionStatus;

  @Property({ type: 'json' })
  body!: JsonObject;

  @Property({ type: 'string', length: 64, fieldName: 'body_hash' })
  bodyHash!: string;

  @Property({ type: 'string', length: 16 })
  source!: DefinitionSource;

  @Property({ type: 'string', length: 64, fieldName: 'created_by' })
  createdBy!: string;

  @Property({ type: 'datetime', fieldName: 'created_at' })
  createdAt: Date = new Date();

  @Property({ type: 'string', length: 64, nullable: true, fieldName: 'published_by' })
  publishedBy?: string | null;

  @Property({ type: 'datetime', nullable: true, fieldName: 'published_at' })
  publishedAt?: Date | null;
}
