import { replay, replayStates, startReplay } from '../../../src/lifecycle';
import {
  Driver,
  OVERDUE_ACTIVE,
  REMINDER_ACTIVE,
  bureau,
  enterprise,
  loadShipped,
  projectData,
  system,
} from './fixtures';

const definition = loadShipped();

/** A long, varied stream: reports, a pause, a change, both deadlines firing, then acceptance. */
function longStream(): Driver {
  const d = new Driver(definition);
  d.ok('SUBMIT', '2015-03-02T09:00:00+08:00');
  d.ok('APPROVE', '2015-04-01T09:00:00+08:00');
  for (let month = 1; month <= 9; month += 1)
    d.ok('PROGRESS_REPORT', `2015-${String(month + 3).padStart(2, '0')}-20T09:00:00+08:00`);
  d.ok('SUSPEND', '2016-01-10T09:00:00+08:00');
  d.ok('RESUME', '2016-03-10T09:00:00+08:00');
  d.ok('REQUEST_CHANGE', '2016-04-01T09:00:00+08:00');
  d.ok('APPROVE_CHANGE', '2016-04-15T09:00:00+08:00');
  d.ok(REMINDER_ACTIVE, '2016-07-16T09:00:00+08:00', { dueAt: '2016-07-15T16:00:00.000Z' }, system);
  d.ok(OVERDUE_ACTIVE, '2019-01-02T09:00:00+08:00', { dueAt: '2019-01-01T16:00:00.000Z' }, system);
  d.ok('APPLY_ACCEPTANCE', '2019-02-01T09:00:00+08:00');
  return d;
}

describe('replayStates: the auditor’s fast replay', () => {
  it('gives the same state after every event and the same final snapshot as replay()', () => {
    const d = longStream();
    const input = { data: projectData, actor: enterprise, at: d.startedAt };
    const slow = replay(definition, input, d.recorded);
    const fast = replayStates(definition, input, d.recorded);
    expect(slow.ok && fast.ok).toBe(true);
    expect(fast.values).toEqual(d.stored.map((snapshot) => snapshot.value));
    expect(JSON.stringify(fast.last)).toBe(JSON.stringify(d.snapshot));
    expect(fast.last?.context.overdueSince).toBe('2019-01-01T16:00:00.000Z');
  });

  it('refuses where replay() refuses, with the state before the refused event', () => {
    const d = longStream();
    const events = [
      ...d.recorded,
      { type: 'APPROVE', payload: { approvalNo: 'late' }, actor: bureau, at: '2019-03-01T00:00:00Z' },
    ];
    const fast = replayStates(definition, { data: projectData, actor: enterprise, at: d.startedAt }, events);
    expect(!fast.ok && [fast.index, fast.refusal.kind]).toEqual([d.recorded.length, 'not_allowed']);
    expect(JSON.stringify(fast.last)).toBe(JSON.stringify(d.snapshot));
  });

  it('feeds one event at a time: a refused event leaves the state, and later events go on from it', () => {
    const d = longStream();
    const start = startReplay(definition, { data: projectData, actor: enterprise, at: d.startedAt });
    if (!start.ok) throw new Error('the creation data is valid');
    const [submit, approve] = d.recorded;
    expect(start.replayer.feed(submit)).toEqual({ ok: true, value: d.stored[1].value });
    const early = { ...approve, type: 'APPLY_ACCEPTANCE', payload: { materials: ['x'] }, actor: enterprise };
    expect(start.replayer.feed(early)).toMatchObject({ ok: false, refusal: { kind: 'not_allowed' } });
    expect(start.replayer.last()).toEqual(d.stored[1]);
    expect(start.replayer.feed(approve)).toEqual({ ok: true, value: d.stored[2].value });
  });
});
