/** The signed-in key and who it belongs to, kept for this browser tab only. */
export type Role = 'bureau' | 'service' | 'expert' | 'enterprise' | 'auditor';

export interface Me {
  id: string;
  name: string;
  role: Role;
  enterpriseId?: string;
}

export interface Session {
  key: string;
  me: Me;
}

const STORAGE_KEY = 'waypost.session';

export function loadSession(): Session | undefined {
  const raw = sessionStorage.getItem(STORAGE_KEY);
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(raw) as Session;
    return typeof parsed.key === 'string' && parsed.me ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}

/** What each role is offered; the server decides anyway. */
export const can = {
  dashboard: (role: Role) => role === 'bureau' || role === 'auditor',
  definitions: (role: Role) => role === 'bureau',
  audit: (role: Role) => role === 'bureau' || role === 'auditor',
  filterByEnterprise: (role: Role) => role !== 'enterprise',
};
