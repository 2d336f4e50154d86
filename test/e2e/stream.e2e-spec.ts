import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { ManualClock } from '../../src/common/clock';
import { LiveStreams } from '../../src/diagrams/live/live-streams';
import { EVENTS_CHANNEL } from '../../src/diagrams/live/live-event';
import { createProject, sendEvent } from '../support/drive-project';
import { SseClient, type SseMessage } from '../support/sse-client';
import { startTestApp, type TestApp } from '../support/test-app';

interface Appended {
  projectId: string;
  enterpriseId: string;
  version: number;
  type: string;
}

const events = (messages: SseMessage[]): Appended[] => messages.map((m) => JSON.parse(m.data) as Appended);
const has = (projectId: string, version: number) => (messages: SseMessage[]) =>
  events(messages).some((e) => e.projectId === projectId && e.version === version);
const portOf = (t: TestApp) => (t.app.getHttpServer().address() as AddressInfo).port;

describe('GET /api/stream (server-sent events across instances)', () => {
  let a: TestApp;
  let b: TestApp;
  let entA: string;
  let entB: string;
  const open: SseClient[] = [];
  const stream = async (key: string, headers: Record<string, string> = {}, read = true) => {
    const client = await SseClient.open(portOf(b), key, headers, read);
    open.push(client);
    return client;
  };

  beforeAll(async () => {
    const clock = () => new ManualClock(new Date('2016-03-01T00:00:00.000Z'));
    a = await startTestApp({}, clock());
    b = await startTestApp({ adminKey: a.adminKey }, clock());
    await b.app.listen(0, '127.0.0.1');
    [entA, entB] = await Promise.all([a.keyFor('enterprise', 'ent-a'), a.keyFor('enterprise', 'ent-b')]);
  });
  afterAll(async () => {
    // Streams still open on purpose: closing the app must end them rather than hang.
    await Promise.all([a.close(), b.close()]);
    for (const client of open) client.close();
  });

  it('delivers an event appended through instance A to a stream opened on instance B', async () => {
    const client = await stream(b.adminKey);
    expect(client.response.statusCode).toBe(200);
    expect(client.response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    const project = await createProject(a.http, a.adminKey, 'ent-a');
    await sendEvent(a.http, entA, project, 'SUBMIT', { applicant: 'A' });
    const messages = await client.until(has(project, 2));
    const submitted = messages.find((m) => (JSON.parse(m.data) as Appended).version === 2);
    expect(submitted?.event).toBe('event-appended');
    expect(submitted?.id).toMatch(/^\d+\.[0-9a-f-]{36}\.2$/);
    expect(JSON.parse(submitted?.data ?? '{}')).toMatchObject({
      projectId: project,
      type: 'SUBMIT',
      enterpriseId: 'ent-a',
    });
  });

  it('announces events committed together each once, in their order per project', async () => {
    const client = await stream(b.adminKey);
    const projects = await Promise.all(
      Array.from({ length: 12 }, () => createProject(a.http, a.adminKey, 'ent-a')),
    );
    // Concurrent appends: their announcements go out in batches while one is in flight.
    await Promise.all(projects.map((id) => sendEvent(a.http, entA, id, 'SUBMIT', { applicant: 'A' })));
    await client.until((messages) => projects.every((id) => has(id, 2)(messages)));
    const seen = events(client.messages).filter((e) => projects.includes(e.projectId));
    expect(seen).toHaveLength(projects.length * 2);
    for (const id of projects) {
      expect(seen.filter((e) => e.projectId === id).map((e) => e.version)).toEqual([1, 2]);
    }
  });

  it("never carries another enterprise's events to an enterprise", async () => {
    const client = await stream(entA);
    const theirs = await createProject(a.http, a.adminKey, 'ent-b');
    await sendEvent(a.http, entB, theirs, 'SUBMIT', { applicant: 'B' });
    const ours = await createProject(a.http, a.adminKey, 'ent-a');
    await sendEvent(a.http, entA, ours, 'SUBMIT', { applicant: 'A' });
    await client.until(has(ours, 2));
    const seen = events(client.messages);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen.every((e) => e.enterpriseId === 'ent-a')).toBe(true);
    expect(seen.some((e) => e.projectId === theirs)).toBe(false);
  });

  it('resumes after a disconnect from Last-Event-ID without missing anything, still scoped', async () => {
    const first = await stream(entA);
    const project = await createProject(a.http, a.adminKey, 'ent-a');
    await first.until(has(project, 1));
    const lastId = first.messages[first.messages.length - 1].id ?? '';
    first.close();

    // Appended while nobody listens: through the other instance, for us and for another enterprise.
    const other = await createProject(a.http, a.adminKey, 'ent-b');
    await sendEvent(a.http, entA, project, 'SUBMIT', { applicant: 'A' });
    await sendEvent(a.http, a.adminKey, project, 'RETURN_FOR_REVISION', { reasons: ['r'] });
    await sendEvent(a.http, entA, project, 'SUBMIT', { applicant: 'A' });

    const resumed = await stream(entA, { 'Last-Event-ID': lastId });
    await resumed.until(has(project, 4));
    await sendEvent(a.http, a.adminKey, project, 'APPROVE', { approvalNo: 'No. 1' });
    await resumed.until(has(project, 5));
    const versions = events(resumed.messages)
      .filter((e) => e.projectId === project)
      .map((e) => e.version);
    expect([...new Set(versions)].sort()).toEqual(expect.arrayContaining([2, 3, 4, 5]));
    expect(events(resumed.messages).some((e) => e.projectId === other)).toBe(false);
  });

  it('starts a fresh stream at its position, so a drop before any event still resumes without a gap', async () => {
    const first = await stream(entA);
    await first.until(() => first.lastEventId !== undefined);
    const position = first.lastEventId ?? '';
    expect(position).toMatch(/^\d+\.00000000-0000-0000-0000-000000000000\.1$/);
    expect(first.messages).toEqual([]);
    first.close();

    const project = await createProject(a.http, a.adminKey, 'ent-a');
    await sendEvent(a.http, entA, project, 'SUBMIT', { applicant: 'A' });
    const resumed = await stream(entA, { 'Last-Event-ID': position });
    await resumed.until(has(project, 2));
    const versions = events(resumed.messages)
      .filter((e) => e.projectId === project)
      .map((e) => e.version);
    expect(versions).toEqual([1, 2]);
  });

  it('refuses a Last-Event-ID it did not give out (422) and a caller without a key (401)', async () => {
    const bad = await a.http
      .get('/api/stream')
      .set('Authorization', `Bearer ${entA}`)
      .set('Last-Event-ID', 'x; drop');
    expect(bad.status).toBe(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect((await a.http.get('/api/stream')).status).toBe(401);
  });

  it('drops a client that never reads instead of buffering without bound, and keeps one that reads', async () => {
    const streams = b.app.get(LiveStreams);
    const before = streams.openCount;
    const reader = await stream(b.adminKey);
    await stream(b.adminKey, {}, false);
    expect(streams.openCount).toBe(before + 2);

    // About 20 MB of distinct notifications, more than socket buffers plus the 1 MiB cap, in batches
    // under the cap that the reading client drains before the next one comes.
    const pg = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await pg.connect();
    try {
      for (let batch = 0; batch < 30; batch += 1) {
        await pg.query(
          `select pg_notify($1, json_build_object('cursor', 'flood.' || g, 'enterpriseId', 'ent-z', 'n', g,
             'pad', repeat('x', 7000))::text) from generate_series($2::int, $2::int + 99) g`,
          [EVENTS_CHANNEL, batch * 100 + 1],
        );
        await reader.until((messages) => messages.some((m) => m.id === `flood.${batch * 100 + 100}`), 20_000);
      }
    } finally {
      await pg.end();
    }
    const deadline = Date.now() + 10_000;
    while (streams.openCount > before + 1 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    expect(streams.openCount).toBe(before + 1);
    expect(reader.closed).toBe(false);
  }, 40_000);
});
