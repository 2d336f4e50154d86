import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../common/api-problems.decorator';
import { ProblemException } from '../common/problem';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { CreatePrincipalCommand } from './commands/create-principal/create-principal.command';
import { CreatePrincipalDto } from './commands/create-principal/create-principal.dto';
import { RevokePrincipalCommand } from './commands/revoke-principal/revoke-principal.command';
import { CurrentPrincipal } from './current-principal.decorator';
import type { AuthPrincipal } from './principal';
import { CreatedPrincipalView, PrincipalView } from './principal.view';
import { ListPrincipalsQuery } from './queries/list-principals/list-principals.query';
import { Roles } from './roles.decorator';

@ApiTags('principals')
@Controller('principals')
@Roles('bureau')
export class PrincipalsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a principal; its API key is in the answer, once' })
  @ApiCreatedResponse({ type: CreatedPrincipalView })
  @ApiProblems(400, 413, 422)
  create(
    @Body() dto: CreatePrincipalDto,
    @CurrentPrincipal() caller: AuthPrincipal,
  ): Promise<CreatedPrincipalView> {
    if (dto.role !== 'enterprise' && dto.enterpriseId !== undefined) {
      throw ProblemException.validation([
        { path: '/enterpriseId', message: 'only principals of the enterprise role have an enterpriseId' },
      ]);
    }
    return this.commands.execute(new CreatePrincipalCommand(dto.name, dto.role, dto.enterpriseId, caller.id));
  }

  @Get()
  @ApiOperation({ summary: 'List principals (never their keys)' })
  @ApiOkResponse({ type: [PrincipalView] })
  list(): Promise<PrincipalView[]> {
    return this.queries.execute(new ListPrincipalsQuery());
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke a principal’s key; it stops working at once' })
  @ApiOkResponse({ type: PrincipalView })
  @ApiProblems(404, 409, 422)
  revoke(
    @Param('id', new UuidParamPipe('id')) id: string,
    @CurrentPrincipal() caller: AuthPrincipal,
  ): Promise<PrincipalView> {
    return this.commands.execute(new RevokePrincipalCommand(id, caller.id));
  }
}
