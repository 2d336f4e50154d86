import { EntityManager } from '@mikro-orm/postgresql';
import { PrincipalCache } from '../../src/auth/principal-cache';
import { rowCount } from '../support/row-count';
import { startTestApp, type TestApp } from '../support/test-app';

describe('principals and keys', () => {
  let t: TestApp;
  const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });

  const storedPrincipals = () => rowCount(t, 'principals');

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('creates a principal whose key is shown once and works at once', async () => {
    const created = await t.http
      .post('/api/principals')
      .set(bearer(t.adminKey))
      .send({ name: '  示例生物 Example Bio  ', role: 'enterprise', enterpriseId: 'ent-bio' })
      .expect(201);
    expect(created.body).toMatchObject({
      name: '示例生物 Example Bio',
      role: 'enterprise',
      enterpriseId: 'ent-bio',
    });
    expect(created.body.apiKey).toMatch(/^wp_[A-Za-z0-9_-]{43}$/);
    const listed = await t.http.get('/api/principals').set(bearer(t.adminKey)).expect(200);
    const entry = listed.body.find((p: { id: string }) => p.id === created.body.id);
    expect(entry).toBeDefined();
    expect(JSON.stringify(listed.body)).not.toContain(created.body.apiKey);
    expect(entry.apiKey).toBeUndefined();
    expect(entry.keyHash).toBeUndefined();
    expect(entry.keyPrefix).toBe(created.body.apiKey.slice(0, 10));
    // An enterprise key authenticates, but the principals API is the bureau's.
    await t.http.get('/api/principals').set(bearer(created.body.apiKey)).expect(403);
  });

  it('stores only a hash of the key', async () => {
    const key = await t.keyFor('service');
    const em = t.app.get(EntityManager);
    const rows = await em.getConnection().execute<{ key_hash: string }[]>('select key_hash from principals');
    expect(rows.some((row) => row.key_hash === key)).toBe(false);
    expect(rows.every((row) => /^[0-9a-f]{64}$/.test(row.key_hash))).toBe(true);
  });

  it('revokes a key so that it stops working on the next request', async () => {
    const key = await t.keyFor('bureau', undefined, 'second bureau');
    await t.http.get('/api/principals').set(bearer(key)).expect(200);
    const list = await t.http.get('/api/principals').set(bearer(t.adminKey));
    const id = list.body.find((p: { name: string }) => p.name === 'second bureau').id;
    const revoked = await t.http.post(`/api/principals/${id}/revoke`).set(bearer(t.adminKey)).expect(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    const refused = await t.http.get('/api/principals').set(bearer(key)).expect(401);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body.detail).toMatch(/revoked/);
    expect(refused.body.requestId).toBe(refused.headers['x-request-id']);
    const before = await storedPrincipals();
    await t.http
      .post('/api/principals')
      .set(bearer(key))
      .send({ name: 'made with a revoked key', role: 'service' })
      .expect(401);
    expect(await storedPrincipals()).toBe(before);
    await t.http.post(`/api/principals/${id}/revoke`).set(bearer(t.adminKey)).expect(409);
  });

  it('does not cache a key looked up while a revocation cleared the cache', async () => {
    const cache = t.app.get(PrincipalCache);
    const principal = { id: 'looked-up-before', name: 'stale', role: 'bureau' as const };
    const startedAt = cache.generation();
    await cache.invalidateEverywhere();
    cache.set('a-key-hash', principal, startedAt);
    expect(cache.get('a-key-hash')).toBeUndefined();
    cache.set('a-key-hash', principal, cache.generation());
    expect(cache.get('a-key-hash')).toEqual(principal);
  });

  it('shows no part of the operator key from WAYPOST_ADMIN_KEY', async () => {
    const list = await t.http.get('/api/principals').set(bearer(t.adminKey)).expect(200);
    const admin = list.body.find((p: { name: string }) => p.name.includes('WAYPOST_ADMIN_KEY'));
    expect(admin.keyPrefix).toBe('(environment)');
    // The test key's first 10 characters are a fixed "test-admin", so look past them too.
    expect(JSON.stringify(list.body)).not.toContain(t.adminKey.slice(0, 10));
    expect(JSON.stringify(list.body)).not.toContain(t.adminKey.slice(11, 17));
  });

  it('refuses unknown, malformed and own-key revocations', async () => {
    await t.http
      .post('/api/principals/7d9f6a10-8a52-4c41-9d4b-1f2a3b4c5d6e/revoke')
      .set(bearer(t.adminKey))
      .expect(404);
    const bad = await t.http.post('/api/principals/not-an-id/revoke').set(bearer(t.adminKey)).expect(422);
    expect(bad.body.errors).toEqual([{ path: '/id', message: 'must be a UUID' }]);
    const list = await t.http.get('/api/principals').set(bearer(t.adminKey));
    const admin = list.body.find((p: { name: string }) => p.name.includes('WAYPOST_ADMIN_KEY'));
    await t.http.post(`/api/principals/${admin.id}/revoke`).set(bearer(t.adminKey)).expect(409);
  });

  describe('bad input is refused with problem+json and nothing is stored', () => {
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['an unknown role', { name: 'x', role: 'mayor' }, '/role'],
      ['an empty name', { name: '', role: 'service' }, '/name'],
      ['a blank name', { name: '   ', role: 'service' }, '/name'],
      ['a 10,000-character name', { name: 'x'.repeat(10_000), role: 'service' }, '/name'],
      ['a name with control characters', { name: 'a\u0000b', role: 'service' }, '/name'],
      ['an unknown field', { name: 'x', role: 'service', isAdmin: true }, '/isAdmin'],
      ['an enterprise without enterpriseId', { name: 'x', role: 'enterprise' }, '/enterpriseId'],
      ['an enterpriseId on another role', { name: 'x', role: 'expert', enterpriseId: 'e1' }, '/enterpriseId'],
      ['a malformed enterpriseId', { name: 'x', role: 'enterprise', enterpriseId: 'a b/c' }, '/enterpriseId'],
    ];

    it.each(cases)('%s', async (_label, body, path) => {
      const before = await t.http.get('/api/principals').set(bearer(t.adminKey));
      const res = await t.http.post('/api/principals').set(bearer(t.adminKey)).send(body).expect(422);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
      expect(res.body.requestId).toBe(res.headers['x-request-id']);
      const after = await t.http.get('/api/principals').set(bearer(t.adminKey));
      expect(after.body).toHaveLength(before.body.length);
    });
  });
});
