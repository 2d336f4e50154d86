import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { Transform } from 'class-transformer';
import { ROLES, type Role } from '../../../lifecycle/definition.types';

export class CreatePrincipalDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: '示例生物科技 Example Biotech' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @Matches(/^[^\p{Cc}]*$/u, { message: 'name must not contain control characters' })
  name!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `role must be one of: ${ROLES.join(', ')}` })
  role!: Role;

  @ApiPropertyOptional({
    description: 'Required for, and only for, the enterprise role',
    example: 'ent-biotech',
  })
  @ValidateIf((dto: CreatePrincipalDto) => dto.role === 'enterprise' || dto.enterpriseId !== undefined)
  @IsString({ message: 'enterpriseId is required for the enterprise role' })
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'enterpriseId must be 1 to 64 letters, digits, "-" or "_"' })
  enterpriseId?: string;
}
