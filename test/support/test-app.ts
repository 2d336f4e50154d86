import { randomBytes } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { createApp } from '../../src/app';
import type { AppConfig } from '../../src/config/app-config';
import type { Clock } from '../../src/common/clock';
import type { Role } from '../../src/lifecycle/definition.types';

export interface TestApp {
  app: NestExpressApplication;
  http: TestAgent;
  adminKey: string;
  /** Creates a principal through the API and answers its key. */
  keyFor(role: Role, enterpriseId?: string, name?: string): Promise<string>;
  close(): Promise<void>;
}

export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  const databaseUrl = process.env.TEST_DATABASE_URL;
  if (!databaseUrl) throw new Error('TEST_DATABASE_URL is set by test/support/worker-database.ts');
  return {
    databaseUrl,
    port: 0,
    dataDir: '.data/test',
    logLevel: 'silent',
    adminKey: `test-admin-${randomBytes(12).toString('hex')}`,
    demo: false,
    // Tests fire timers explicitly (FireDueTimersCommand) unless they start a worker themselves.
    timers: { enabled: false, pollMs: 1000, batchSize: 100 },
    ...overrides,
  };
}

/** Boots the real service on this test file's database; requests go through supertest. */
export async function startTestApp(overrides: Partial<AppConfig> = {}, clock?: Clock): Promise<TestApp> {
  const config = testConfig(overrides);
  const app = await createApp(config, clock);
  await app.init();
  const http = request(app.getHttpServer());
  const adminKey = config.adminKey ?? '';
  return {
    app,
    http,
    adminKey,
    async keyFor(role, enterpriseId, name = `${role} ${enterpriseId ?? ''}`.trim()) {
      const res = await http
        .post('/api/principals')
        .set('Authorization', `Bearer ${adminKey}`)
        .send({ name, role, ...(enterpriseId ? { enterpriseId } : {}) });
      if (res.status !== 201)
        throw new Error(`creating a ${role} principal failed: ${res.status} ${res.text}`);
      return (res.body as { apiKey: string }).apiKey;
    },
    close: () => app.close(),
  };
}
