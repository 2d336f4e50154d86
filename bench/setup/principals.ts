import { call } from '../service/api-client';

export interface Principal {
  id: string;
  apiKey: string;
}

export type BenchRole = 'enterprise' | 'service' | 'auditor' | 'bureau' | 'expert';

/** Creates a principal through POST /api/principals as the bootstrap bureau key. */
export function createPrincipal(
  baseUrl: string,
  adminKey: string,
  role: BenchRole,
  enterpriseId?: string,
): Promise<Principal> {
  const body = { name: `bench ${role}${enterpriseId ? ` ${enterpriseId}` : ''}`, role, enterpriseId };
  return call<Principal>(baseUrl, adminKey, 'POST', '/api/principals', body);
}
