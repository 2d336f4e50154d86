import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AdminBootstrap } from './admin-bootstrap';
import { ApiKeyAuthenticator } from './api-key.authenticator';
import { AuthGuard } from './auth.guard';
import { PrincipalCache } from './principal-cache';
import { CreatePrincipalHandler } from './commands/create-principal/create-principal.handler';
import { RevokePrincipalHandler } from './commands/revoke-principal/revoke-principal.handler';
import { PrincipalsController } from './principals.controller';
import { ListPrincipalsHandler } from './queries/list-principals/list-principals.handler';

@Module({
  controllers: [PrincipalsController],
  providers: [
    ApiKeyAuthenticator,
    PrincipalCache,
    AdminBootstrap,
    CreatePrincipalHandler,
    RevokePrincipalHandler,
    ListPrincipalsHandler,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
})
export class AuthModule {}
