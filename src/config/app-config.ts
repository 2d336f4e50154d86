export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface AppConfig {
  /** Unset means: start the embedded PostgreSQL under `dataDir`. */
  databaseUrl?: string;
  port: number;
  dataDir: string;
  logLevel: LogLevel;
  adminKey?: string;
  /** Seed demo principals and projects on an empty database (embedded mode by default). */
  demo: boolean;
  timers: TimerConfig;
}

export interface TimerConfig {
  /** Run the worker that fires due deadlines in this instance. */
  enabled: boolean;
  /** Longest wait between two looks at the timers table; a notification or the next due time wakes it sooner. */
  pollMs: number;
  batchSize: number;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/** A configuration mistake, reported to the operator as one line. */
export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

/** Reads the configuration from the environment; throws ConfigError naming the variable at fault. */
export function loadConfig(env: Env = process.env): AppConfig {
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl) assertPostgresUrl(databaseUrl);
  return {
    databaseUrl,
    port: parsePort(env.PORT),
    dataDir: env.DATA_DIR?.trim() || './.data',
    logLevel: parseLogLevel(env.LOG_LEVEL),
    adminKey: parseAdminKey(env.WAYPOST_ADMIN_KEY),
    demo: parseDemo(env.WAYPOST_DEMO, databaseUrl === undefined),
    timers: {
      enabled: parseBoolean('WAYPOST_TIMERS', env.WAYPOST_TIMERS, true),
      pollMs: parseInteger('WAYPOST_TIMER_POLL_MS', env.WAYPOST_TIMER_POLL_MS, 5000, 50, 3_600_000),
      batchSize: parseInteger('WAYPOST_TIMER_BATCH', env.WAYPOST_TIMER_BATCH, 100, 1, 10_000),
    },
  };
}

function assertPostgresUrl(value: string): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError('DATABASE_URL is not a valid URL (expected postgres://user@host:port/database)');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`DATABASE_URL must start with postgres:// or postgresql://, not ${url.protocol}//`);
  }
  if (!url.hostname) throw new ConfigError('DATABASE_URL has no host');
  if (url.pathname.length <= 1) throw new ConfigError('DATABASE_URL names no database (add /<database>)');
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be an integer from 0 to 65535, not "${value}"`);
  }
  return port;
}

function parseLogLevel(value: string | undefined): LogLevel {
  const level = (value?.trim() || 'info').toLowerCase();
  const known = LOG_LEVELS.find((candidate) => candidate === level);
  if (!known) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not "${value}"`);
  return known;
}

function parseAdminKey(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (value.length < 16 || !/^[\x21-\x7e]+$/.test(value)) {
    throw new ConfigError('WAYPOST_ADMIN_KEY must be at least 16 printable ASCII characters without spaces');
  }
  return value;
}

function parseDemo(value: string | undefined, embedded: boolean): boolean {
  return parseBoolean('WAYPOST_DEMO', value, embedded);
}

function parseBoolean(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (value === '1' || value === 'true') return true;
  if (value === '0' || value === 'false') return false;
  throw new ConfigError(`${name} must be true or false, not "${value}"`);
}

function parseInteger(
  name: string,
  value: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined || value.trim() === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, not "${value}"`);
  }
  return parsed;
}
