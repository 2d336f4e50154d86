import { Client } from 'pg';
import type { TestApp } from './test-app';
import { PROJECT_DATA, SAMPLE_PAYLOADS } from './projects';

export interface AuditKeys {
  bureau: string;
  enterprise: string;
  auditor: string;
}

export async function auditKeys(t: TestApp): Promise<AuditKeys> {
  return {
    bureau: t.adminKey,
    enterprise: await t.keyFor('enterprise', 'ent-a'),
    auditor: await t.keyFor('auditor'),
  };
}

/** Creates a project of ent-a and drives it through SUBMIT, APPROVE and one progress report (4 events). */
export async function drivenProject(
  t: TestApp,
  keys: AuditKeys,
  title = '生物医药产业化 Biomedicine',
): Promise<string> {
  const created = await t.http
    .post('/api/projects')
    .set('Authorization', `Bearer ${keys.bureau}`)
    .send({ definition: 'industrial-project', title, enterpriseId: 'ent-a', data: PROJECT_DATA });
  if (created.status !== 201) throw new Error(`create: ${created.status} ${created.text}`);
  const id = (created.body as { id: string }).id;
  for (const [type, key] of [
    ['SUBMIT', keys.enterprise],
    ['APPROVE', keys.bureau],
    ['PROGRESS_REPORT', keys.enterprise],
  ] as const) {
    const res = await t.http
      .post(`/api/projects/${id}/events`)
      .set('Authorization', `Bearer ${key}`)
      .send({ type, payload: SAMPLE_PAYLOADS[type] });
    if (res.status !== 200) throw new Error(`${type}: ${res.status} ${res.text}`);
  }
  return id;
}

/** Runs SQL as the database owner with user triggers off: how an operator would tamper. */
export async function tamper(sql: string, params: unknown[] = []): Promise<void> {
  const client = new Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query('set session_replication_role = replica');
    await client.query(sql, params);
  } finally {
    await client.end();
  }
}

/** Rows read as the database owner on its own connection, beside the app (what a tamper test inspects). */
export async function ownerRows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}
