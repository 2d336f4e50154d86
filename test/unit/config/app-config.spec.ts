import { ConfigError, loadConfig } from '../../../src/config/app-config';

describe('loadConfig', () => {
  it('defaults to the embedded database, port 3000, ./.data and info logs', () => {
    expect(loadConfig({})).toEqual({
      databaseUrl: undefined,
      port: 3000,
      dataDir: './.data',
      logLevel: 'info',
      adminKey: undefined,
      demo: true,
      timers: { enabled: true, pollMs: 5000, batchSize: 100 },
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
      PORT: '8080',
      DATA_DIR: '/var/lib/waypost',
      LOG_LEVEL: 'DEBUG',
      WAYPOST_ADMIN_KEY: 'a-long-enough-admin-key',
    });
    expect(config).toMatchObject({ port: 8080, dataDir: '/var/lib/waypost', logLevel: 'debug', demo: false });
    expect(config.adminKey).toBe('a-long-enough-admin-key');
  });

  it.each([
    [{ DATABASE_URL: 'not a url' }, /DATABASE_URL is not a valid URL/],
    [{ DATABASE_URL: 'mysql://root@localhost/db' }, /must start with postgres/],
    [{ DATABASE_URL: 'postgres://localhost' }, /names no database/],
    [{ PORT: 'eighty' }, /PORT must be an integer/],
    [{ PORT: '70000' }, /PORT must be an integer/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
    [{ WAYPOST_ADMIN_KEY: 'short' }, /at least 16/],
    [{ WAYPOST_ADMIN_KEY: 'has spaces in the middle' }, /printable ASCII/],
    [{ WAYPOST_DEMO: 'maybe' }, /WAYPOST_DEMO/],
    [{ WAYPOST_TIMER_POLL_MS: '10' }, /WAYPOST_TIMER_POLL_MS must be an integer from 50/],
    [{ WAYPOST_TIMER_BATCH: 'lots' }, /WAYPOST_TIMER_BATCH/],
    [{ WAYPOST_TIMERS: 'sometimes' }, /WAYPOST_TIMERS/],
  ])('refuses %j with one clear message', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
