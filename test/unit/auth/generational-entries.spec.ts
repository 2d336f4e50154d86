import { GenerationalEntries } from '../../../src/auth/generational-entries';

describe('GenerationalEntries', () => {
  it('keeps a value until its time to live runs out', () => {
    const entries = new GenerationalEntries<string>(1000, 10);
    expect(entries.set('k', 'v', entries.generation(), 0)).toBe(true);
    expect(entries.get('k', 1000)).toBe('v');
    expect(entries.get('k', 1001)).toBeUndefined();
  });

  it('drops a value looked up before a clear that happened while the lookup was in flight', () => {
    const entries = new GenerationalEntries<string>(60_000, 10);
    const before = entries.generation();
    entries.clear();
    expect(entries.set('revoked', 'still a principal', before)).toBe(false);
    expect(entries.get('revoked')).toBeUndefined();
    expect(entries.set('revoked', 'looked up again', entries.generation())).toBe(true);
    expect(entries.get('revoked')).toBe('looked up again');
  });

  it('forgets everything on clear', () => {
    const entries = new GenerationalEntries<string>(60_000, 10);
    entries.set('a', '1', entries.generation());
    entries.clear();
    expect(entries.get('a')).toBeUndefined();
  });

  it('empties itself when full instead of growing', () => {
    const entries = new GenerationalEntries<number>(60_000, 2);
    entries.set('a', 1, entries.generation());
    entries.set('b', 2, entries.generation());
    entries.set('c', 3, entries.generation());
    expect([entries.get('a'), entries.get('b'), entries.get('c')]).toEqual([undefined, undefined, 3]);
  });
});
