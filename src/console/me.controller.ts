import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { AuthPrincipal } from '../auth/principal';
import { SignedIn } from '../auth/roles.decorator';

export class MeView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '黄埔区发改局 Huangpu DRB' }) name!: string;
  @ApiProperty({ enum: ['bureau', 'service', 'expert', 'enterprise', 'auditor'] }) role!: string;
  @ApiPropertyOptional({ example: 'ent-biotech' }) enterpriseId?: string;
}

/** Who the key belongs to, so the console can offer only what the role may do. */
@ApiTags('auth')
@Controller('me')
export class MeController {
  @Get()
  @SignedIn()
  @ApiOperation({ summary: 'The signed-in principal: id, name, role and enterprise' })
  @ApiOkResponse({ type: MeView })
  me(@CurrentPrincipal() caller: AuthPrincipal): MeView {
    return { id: caller.id, name: caller.name, role: caller.role, enterpriseId: caller.enterpriseId };
  }
}
