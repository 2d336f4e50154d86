import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { DiagramLang } from './render';

export class DiagramLangDto {
  @ApiPropertyOptional({ enum: ['zh', 'en'], default: 'zh', description: 'Label language' })
  @IsOptional()
  @IsIn(['zh', 'en'], { message: 'lang must be zh or en' })
  lang?: DiagramLang;
}

export class DefinitionDiagramDto extends DiagramLangDto {
  @ApiPropertyOptional({ enum: ['0', '1'], description: '1 overlays how many projects are in, and ever reached, each state' })
  @IsOptional()
  @IsIn(['0', '1'], { message: 'heat must be 0 or 1' })
  heat?: '0' | '1';

  @ApiPropertyOptional({
    enum: ['version', 'all'],
    default: 'version',
    description: 'With heat=1: count projects on this version only, or on every version of the definition',
  })
  @IsOptional()
  @IsIn(['version', 'all'], { message: 'scope must be version or all' })
  scope?: 'version' | 'all';
}
