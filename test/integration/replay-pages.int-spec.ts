import { QueryBus } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { GetPublishedDefinitionQuery } from '../../src/definitions/queries/get-published-definition/get-published-definition.query';
import { EVENT_COLUMNS, replayRowOf, type StoredEventRow } from '../../src/audit/replay/event-rows';
import { replayAll, type ProjectMismatch } from '../../src/audit/replay/replay-all';
import { replayBoundOf, type ReplayBound } from '../../src/audit/replay/replay-bounds';
import { replayEvents, type ReplayMismatch } from '../../src/audit/replay/replay-events';
import { replayStream } from '../../src/audit/replay/replay-stream';
import { sqlOfEntityManager, type SqlQuery } from '../../src/audit/sql';
import type { LifecycleDefinition } from '../../src/lifecycle/definition.types';
import { tamper } from '../support/audit-fixtures';
import { auth, createProject, drive, HAPPY_PATH, makeKeys, type Keys } from '../support/projects';
import { startTestApp, type TestApp } from '../support/test-app';

/** Pages of 3 rows: the 10-event happy path spans four pages, so every join between pages is crossed. */
const PAGE = 3;

describe('replay reads the events a page at a time', () => {
  let t: TestApp;
  let keys: Keys;
  let sql: SqlQuery;
  let definition: LifecycleDefinition;
  let accepted: string;
  let changed: string;

  const stored = (projectId: string) =>
    sql<StoredEventRow>(`select ${EVENT_COLUMNS} from events where project_id = ?::uuid order by version`, [
      projectId,
    ]);
  const paged = async (projectId: string, bound: ReplayBound) => {
    const mismatches: ReplayMismatch[] = [];
    const replayed = await replayStream(sql, projectId, bound, {
      definitionOf: () => Promise.resolve(definition),
      onMismatch: (mismatch) => mismatches.push(mismatch),
      pageSize: PAGE,
    });
    return { ...replayed, mismatches };
  };

  beforeAll(async () => {
    t = await startTestApp();
    keys = await makeKeys(t);
    sql = sqlOfEntityManager(t.app.get(EntityManager));
    definition = (await t.app.get(QueryBus).execute(new GetPublishedDefinitionQuery('industrial-project', 1)))
      .definition;
    accepted = await createProject(t, keys.enterprise, 'accepted');
    await drive(t, keys, accepted, HAPPY_PATH);
    changed = await createProject(t, keys.enterprise, 'changed');
    await drive(t, keys, changed, [
      ['enterprise', 'SUBMIT'],
      ['bureau', 'APPROVE'],
      ['enterprise', 'SUSPEND'],
      ['enterprise', 'RESUME'],
      ['enterprise', 'REQUEST_CHANGE'],
      ['bureau', 'APPROVE_CHANGE'],
    ]);
  });
  afterAll(() => t.close());

  /** `audit:replay` over every stream, in pages of PAGE rows, with what it reported. */
  const replayAllPaged = async () => {
    const reported: ProjectMismatch[] = [];
    const totals = await replayAll(
      sql,
      (mismatch) => reported.push(mismatch),
      () => undefined,
      PAGE,
    );
    return { totals, reported };
  };

  it('replays a stream longer than a page to the end as the whole stream in memory does', async () => {
    const rows = await stored(accepted);
    expect(rows).toHaveLength(10);
    const whole = replayEvents(definition, rows.map(replayRowOf));
    const replayed = await paged(accepted, replayBoundOf(undefined, undefined));
    expect(replayed.mismatches).toEqual([]);
    expect(replayed).toMatchObject({ lastRow: { version: 10 }, atEnd: true });
    expect(JSON.stringify(replayed.last)).toBe(JSON.stringify(whole.last));
    expect(replayed.last?.value).toEqual(rows[9].state_after);
  });

  it.each([4, 5, 6, 7])('stops at version %i, at either side of a page join', async (version) => {
    const rows = await stored(accepted);
    const replayed = await paged(accepted, replayBoundOf(String(version), undefined));
    const whole = replayEvents(definition, rows.slice(0, version).map(replayRowOf));
    expect(replayed).toMatchObject({ lastRow: { version }, atEnd: false, mismatches: [] });
    expect(replayed.last?.value).toEqual(rows[version - 1].state_after);
    expect(JSON.stringify(replayed.last)).toBe(JSON.stringify(whole.last));
  });

  it('stops at an instant inside a later page, and refuses bounds outside the stream', async () => {
    const rows = (await stored(accepted)).map(replayRowOf);
    const replayed = await paged(accepted, replayBoundOf(undefined, rows[7].occurredAt));
    expect(replayed).toMatchObject({ lastRow: { version: 8, occurredAt: rows[7].occurredAt }, atEnd: false });
    expect(replayed.last?.value).toEqual(rows[7].stateAfter);
    await expect(paged(accepted, replayBoundOf('11', undefined))).rejects.toMatchObject({
      extensions: { errors: [{ path: '/to', message: 'is past the end: the project has 10 events' }] },
    });
    await expect(paged(accepted, replayBoundOf(undefined, '2000-01-01T00:00:00Z'))).rejects.toMatchObject({
      extensions: {
        errors: [{ path: '/at', message: `is before the project was created (${rows[0].occurredAt})` }],
      },
    });
  });

  it('finds a mismatch in a later page, in the query, the API and audit:replay', async () => {
    await tamper(`update events set state_after = '"rejected"' where project_id = $1 and version = 8`, [
      accepted,
    ]);
    const replayed = await paged(accepted, replayBoundOf(undefined, undefined));
    expect(replayed.mismatches).toEqual([
      { version: 8, check: 'stateAfter', expected: 'rejected', found: expect.anything() as unknown },
    ]);
    expect(replayed).toMatchObject({ lastRow: { version: 10 }, atEnd: true });
    const api = await t.http.get(`/api/projects/${accepted}/replay`).set(auth(keys.auditor));
    expect(api.body).toMatchObject({
      version: 10,
      matches: false,
      matchesEvents: false,
      matchesReadModel: true,
      mismatchCount: 1,
      mismatches: [{ version: 8, check: 'stateAfter', expected: 'rejected' }],
    });
    const { totals, reported } = await replayAllPaged();
    expect(totals).toEqual({ projects: 2, events: 17, mismatches: 1 });
    expect(reported).toEqual([
      expect.objectContaining({ projectId: accepted, version: 8, check: 'stateAfter' }),
    ]);
  });

  it('audit:replay stitches streams across pages that hold the end of one and the start of the next', async () => {
    await tamper(`update projects set context = '{}' where id = $1`, [changed]);
    const { totals, reported } = await replayAllPaged();
    expect(totals).toEqual({ projects: 2, events: 17, mismatches: 2 });
    // Replay rebuilt the whole context of the 7-event stream, so its read-model check saw every event.
    const context = reported.find((mismatch) => mismatch.projectId === changed);
    expect(context).toMatchObject({ version: 7, check: 'readModel.context', expected: {} });
    const rows = await stored(changed);
    const whole = replayEvents(definition, rows.map(replayRowOf));
    expect(context?.found).toEqual(whole.last?.context);
  });
});
