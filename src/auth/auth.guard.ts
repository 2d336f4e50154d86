import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '../lifecycle/definition.types';
import { ProblemException } from '../common/problem';
import { ApiKeyAuthenticator } from './api-key.authenticator';
import type { AuthenticatedRequest } from './current-principal.decorator';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';

/** Global guard: every route is @Public or declares its @Roles; nothing is open by omission. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: ApiKeyAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles) throw new Error(`${context.getClass().name}.${context.getHandler().name} declares no roles`);
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = await this.authenticator.authenticate(request.headers.authorization);
    request.principal = principal;
    if (!roles.includes(principal.role)) {
      throw ProblemException.forbidden(`This action needs one of the roles: ${roles.join(', ')}.`, {
        role: principal.role,
        allowedRoles: roles,
      });
    }
    return true;
  }
}
