import type { BenchResults } from './results';

export interface Target {
  name: string;
  goal: string;
  actual: string;
  met: boolean | null;
}

const fmt = (value: number | undefined, digits = 2) => (value === undefined ? 'n/a' : value.toFixed(digits));

/** The targets, each with what this run measured; null when the phase did not run. */
export function targets(results: BenchResults): Target[] {
  const t = results.transitions;
  const q = results.queries;
  const worst = (names: string[]) =>
    q ? Math.max(...names.filter((name) => q[name]).map((name) => q[name].p99Ms)) : undefined;
  const listP99 = worst(Object.keys(q ?? {}).filter((name) => name.startsWith('list')));
  const rss = Math.max(results.rssMb.underLoad ?? 0, results.rssMb.peakAfterReplay ?? 0) || undefined;
  const handRolled = results.peers?.['hand-rolled'];
  const e = results.export;
  // A failed export measured nothing worth comparing: it shows as missed, with the growth it reached.
  const exportGrowth = e ? e.rssMaxDuringMb - e.rssBeforeMb : undefined;
  const check = (value: number | undefined, ok: (v: number) => boolean) =>
    value === undefined ? null : ok(value);
  return [
    {
      name: 'transitions / ceiling',
      goal: '>= 0.5',
      actual: fmt(t?.ratio),
      met: check(t?.ratio, (v) => v >= 0.5),
    },
    {
      name: 'transitions p99',
      goal: '<= 25 ms',
      actual: `${fmt(t?.p99Ms, 0)} ms`,
      met: check(t?.p99Ms, (v) => v <= 25),
    },
    {
      name: 'replay / bare loop',
      goal: '>= 0.5',
      actual: fmt(results.replay?.ratio),
      met: check(results.replay?.ratio, (v) => v >= 0.5),
    },
    {
      name: 'list p99 (worst filter)',
      goal: '<= 20 ms',
      actual: `${fmt(listP99, 1)} ms`,
      met: check(listP99, (v) => v <= 20),
    },
    {
      name: 'detail p99',
      goal: '<= 20 ms',
      actual: `${fmt(q?.detail?.p99Ms, 1)} ms`,
      met: check(q?.detail?.p99Ms, (v) => v <= 20),
    },
    {
      name: 'stats p99',
      goal: '<= 20 ms',
      actual: `${fmt(q?.stats?.p99Ms, 1)} ms`,
      met: check(q?.stats?.p99Ms, (v) => v <= 20),
    },
    {
      name: 'export RSS growth',
      goal: '<= 100 MB',
      actual: `${fmt(exportGrowth, 0)} MB${e?.failed ? ' (export failed)' : ''}`,
      met: check(exportGrowth, (v) => v <= 100 && !e?.failed),
    },
    { name: 'peak RSS', goal: '<= 300 MB', actual: `${fmt(rss, 0)} MB`, met: check(rss, (v) => v <= 300) },
    {
      name: 'vs hand-rolled peer',
      goal: '>= 1.3',
      actual: fmt(handRolled?.ratio),
      met: check(handRolled?.ratio, (v) => v >= 1.3),
    },
  ];
}
