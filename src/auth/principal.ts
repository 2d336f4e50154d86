import type { Role } from '../lifecycle/definition.types';

/** Who is calling, as the rest of the service sees it. */
export interface AuthPrincipal {
  id: string;
  name: string;
  role: Role;
  enterpriseId?: string;
}

/** The filter every scoped query applies: an enterprise sees its own projects only. */
export interface EnterpriseScope {
  enterpriseId?: string;
}

export function scopeOf(principal: AuthPrincipal): EnterpriseScope {
  return principal.role === 'enterprise' ? { enterpriseId: principal.enterpriseId } : {};
}

/** True when the principal may see a resource owned by `enterpriseId`. */
export function isInScope(principal: AuthPrincipal, enterpriseId: string): boolean {
  const scope = scopeOf(principal);
  return scope.enterpriseId === undefined || scope.enterpriseId === enterpriseId;
}
