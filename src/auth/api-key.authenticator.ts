import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { hashApiKey, isWellFormedKey } from './api-key';
import type { AuthPrincipal } from './principal';
import type { Role } from '../lifecycle/definition.types';
import { ProblemException } from '../common/problem';
import { PrincipalCache } from './principal-cache';

interface PrincipalRow {
  id: string;
  name: string;
  role: Role;
  enterprise_id: string | null;
}

/** Resolves `Authorization: Bearer <key>` to a live (not revoked) principal, or refuses with 401. */
@Injectable()
export class ApiKeyAuthenticator {
  constructor(
    private readonly em: EntityManager,
    private readonly cache: PrincipalCache,
  ) {}

  async authenticate(authorization: string | undefined): Promise<AuthPrincipal> {
    const keyHash = hashApiKey(bearerKey(authorization));
    const cached = this.cache.get(keyHash);
    if (cached) return cached;
    const generation = this.cache.generation();
    const principal = await this.lookup(keyHash);
    this.cache.set(keyHash, principal, generation);
    return principal;
  }

  private async lookup(keyHash: string): Promise<AuthPrincipal> {
    const rows = await this.em
      .getConnection()
      .execute<PrincipalRow[]>(
        'select id, name, role, enterprise_id from principals where key_hash = ? and revoked_at is null',
        [keyHash],
      );
    const row = rows[0];
    if (!row) throw unauthorized('The API key is unknown or has been revoked.');
    return { id: row.id, name: row.name, role: row.role, enterpriseId: row.enterprise_id ?? undefined };
  }
}

function bearerKey(authorization: string | undefined): string {
  if (!authorization) throw unauthorized('Send an API key as "Authorization: Bearer <key>".');
  const match = /^Bearer (.+)$/i.exec(authorization);
  if (!match) throw unauthorized('The Authorization header must use the Bearer scheme.');
  if (!isWellFormedKey(match[1])) throw unauthorized('The API key is malformed.');
  return match[1];
}

function unauthorized(detail: string): ProblemException {
  return new ProblemException(401, 'unauthorized', detail);
}
