import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

export class ProjectFilterDto {
  @ApiPropertyOptional({ description: 'A project id; all projects when absent' })
  @IsOptional()
  @IsUUID('all', { message: 'project must be a UUID' })
  project?: string;
}

export class ListSecurityEntriesDto extends ProjectFilterDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be an integer' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(200, { message: 'limit must be at most 200' })
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @Matches(/^[1-9][0-9]{0,17}$/, { message: 'cursor must be the nextCursor of a previous page' })
  cursor?: string;
}

export class ReplayDto {
  @ApiPropertyOptional({ description: 'Replay up to and including this version (1 = creation)' })
  @IsOptional()
  @Matches(/^-?[0-9]{1,9}$/, { message: 'to must be an integer version' })
  to?: string;

  @ApiPropertyOptional({ description: 'Replay the events that occurred at or before this ISO-8601 instant' })
  @IsOptional()
  at?: string;
}

export class HistoryDto {
  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'Overrides the extension of the path' })
  @IsOptional()
  @IsIn(['json', 'csv'], { message: 'format must be json or csv' })
  format?: 'json' | 'csv';
}
