import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { Role } from '../lifecycle/definition.types';

@Entity({ tableName: 'principals' })
export class PrincipalEntity {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'string', length: 20 })
  role!: Role;

  @Property({ type: 'string', length: 64, nullable: true, fieldName: 'enterprise_id' })
  enterpriseId?: string | null;

  @Property({ type: 'string', length: 64, fieldName: 'key_hash', hidden: true })
  keyHash!: string;

  @Property({ type: 'string', length: 16, fieldName: 'key_prefix' })
  keyPrefix!: string;

  @Property({ type: 'datetime', fieldName: 'created_at' })
  createdAt: Date = new Date();

  @Property({ type: 'uuid', nullable: true, fieldName: 'created_by' })
  createdBy?: string | null;

  @Property({ type: 'datetime', nullable: true, fieldName: 'revoked_at' })
  revokedAt?: Date | null;
}
