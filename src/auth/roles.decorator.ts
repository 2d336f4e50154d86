import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { ROLES, type Role } from '../lifecycle/definition.types';
import { ApiProblems } from '../common/api-problems.decorator';

export const ROLES_KEY = 'waypost:roles';
export const PUBLIC_KEY = 'waypost:public';

/** The route needs a valid key of one of these roles; 401 without one, 403 for another role. */
export function Roles(...roles: Role[]): MethodDecorator & ClassDecorator {
  return applyDecorators(SetMetadata(ROLES_KEY, roles), ApiBearerAuth(), ApiProblems(401, 403));
}

/** Any signed-in principal, whatever the role. */
export function SignedIn(): MethodDecorator & ClassDecorator {
  return Roles(...ROLES);
}

/** The route needs no key (health, docs, console assets). */
export function Public(): MethodDecorator & ClassDecorator {
  return SetMetadata(PUBLIC_KEY, true);
}
