import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateProjectDto {
  @ApiProperty({ example: 'industrial-project', description: 'Key of a published definition' })
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{0,63}$/, {
    message: 'definition must be a definition key such as industrial-project',
  })
  definition!: string;

  @ApiPropertyOptional({ example: 1, description: 'A published version; the newest when omitted' })
  @IsOptional()
  @IsInt()
  @Min(1)
  definitionVersion?: number;

  @ApiProperty({ example: '个体化医疗检测产品研发平台', maxLength: 300 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  @Matches(/^[^\p{Cc}]*$/u, { message: 'title must not contain control characters' })
  title!: string;

  @ApiProperty({ description: 'Project data, validated against the definition’s data schema' })
  @IsObject()
  data!: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'Bureau only: the enterprise the project belongs to' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'enterpriseId must be 1 to 64 letters, digits, "-" or "_"' })
  enterpriseId?: string;
}

export class SendEventDto {
  @ApiProperty({ example: 'PROGRESS_REPORT' })
  @IsString()
  @Matches(/^[A-Za-z][A-Za-z0-9_.-]{0,399}$/, {
    message: 'type must be an event type such as PROGRESS_REPORT',
  })
  type!: string;

  @ApiPropertyOptional({
    description: 'Validated against the event’s JSON Schema in the definition',
    example: { percentComplete: 60 },
  })
  @IsOptional()
  @IsObject()
  payload?: Record<string, unknown>;
}

export class ListProjectsDto {
  @ApiPropertyOptional({
    example: 'construction',
    description: 'State path; a parent state matches its children',
  })
  @IsOptional()
  @Matches(/^[A-Za-z][A-Za-z0-9_]{0,63}(\.[A-Za-z][A-Za-z0-9_]{0,63}){0,15}$/, {
    message: 'state must be a state path such as construction.active',
  })
  state?: string;

  @ApiPropertyOptional({ example: 'ent-biotech' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'enterprise must be an enterprise id' })
  enterprise?: string;

  @ApiPropertyOptional({
    example: 'industrial-project@1',
    description: 'Definition key, optionally @version',
  })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{0,63}(@[1-9][0-9]{0,8})?$/, { message: 'definition must be key or key@version' })
  definition?: string;

  @ApiPropertyOptional({ description: 'true: the risk list, sorted by days overdue (longest first)' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'Text in the title' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be an integer from 1 to 100' })
  @Min(1, { message: 'limit must be an integer from 1 to 100' })
  @Max(100, { message: 'limit must be an integer from 1 to 100' })
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}
