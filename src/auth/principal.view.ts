import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '../lifecycle/definition.types';
import type { PrincipalEntity } from './principal.entity';

/** A principal as the API shows it: never the key or its hash. */
export class PrincipalView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '示例生物科技 Example Biotech' }) name!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiPropertyOptional({ example: 'ent-biotech' }) enterpriseId?: string;
  @ApiProperty({
    example: 'wp_Ab3dE9x',
    description:
      'First characters of a generated key, to tell keys apart; "(environment)" for the key set by WAYPOST_ADMIN_KEY',
  })
  keyPrefix!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ format: 'date-time' }) revokedAt?: string;

  static of(entity: PrincipalEntity): PrincipalView {
    return {
      id: entity.id,
      name: entity.name,
      role: entity.role,
      enterpriseId: entity.enterpriseId ?? undefined,
      keyPrefix: entity.keyPrefix,
      createdAt: entity.createdAt.toISOString(),
      revokedAt: entity.revokedAt?.toISOString(),
    };
  }
}

export class CreatedPrincipalView extends PrincipalView {
  @ApiProperty({ description: 'The API key. Shown once; only its hash is stored.' })
  apiKey!: string;
}
