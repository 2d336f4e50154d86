import { clearSession, loadSession } from './session';

export interface FieldProblem {
  path: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: FieldProblem[];
}

/** An answer that was not a success; status 0 means the server could not be reached. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }

  get offline(): boolean {
    return this.status === 0;
  }
}

type Listener = () => void;
const expiredListeners = new Set<Listener>();
const connectivityListeners = new Set<(online: boolean) => void>();

/** Called when a signed-in request answers 401: the key was revoked or the session is gone. */
export function onSessionExpired(listener: Listener): () => void {
  expiredListeners.add(listener);
  return () => expiredListeners.delete(listener);
}

/** Called with false when a request cannot reach the server, with true when one gets through again. */
export function onConnectivity(listener: (online: boolean) => void): () => void {
  connectivityListeners.add(listener);
  return () => connectivityListeners.delete(listener);
}

export function reportConnectivity(online: boolean): void {
  for (const listener of connectivityListeners) listener(online);
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  /** A body sent as it is (the definition editor sends text that may not be JSON). */
  rawBody?: string;
  headers?: Record<string, string>;
  /** Use this key instead of the session's (sign-in checks a key before storing it). */
  key?: string;
  signal?: AbortSignal;
}

export async function request(path: string, options: RequestOptions = {}): Promise<Response> {
  const key = options.key ?? loadSession()?.key;
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (key) headers.Authorization = `Bearer ${key}`;
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, { method: options.method ?? 'GET', headers, body, signal: options.signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    reportConnectivity(false);
    throw new ApiError(0, { status: 0, title: 'Network error', detail: String(error) });
  }
  reportConnectivity(response.status !== 502 && response.status !== 503 && response.status !== 504);
  if (response.ok) return response;
  const problem = await problemOf(response);
  if (response.status === 401 && options.key === undefined && key !== undefined) {
    clearSession();
    for (const listener of expiredListeners) listener();
  }
  throw new ApiError(response.status, problem);
}

/** Sends a request and answers its JSON body. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await request(path, options);
  return (await response.json()) as T;
}

async function problemOf(response: Response): Promise<Problem> {
  try {
    const body = (await response.json()) as Partial<Problem>;
    return { ...body, status: response.status };
  } catch {
    return { status: response.status, title: response.statusText };
  }
}

export function query(params: Record<string, string | number | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== '' && value !== false) search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
