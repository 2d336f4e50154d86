import type { BenchResults } from './results';
import type { Target } from './targets';

const n0 = (value: number) => Math.round(value).toLocaleString('en-US');
const n2 = (value: number) => value.toFixed(2);

/** The printed report: figures, then targets with their status, then the profile when one was taken. */
export function table(results: BenchResults, checks: Target[]): string {
  const rows: string[][] = [['figure', 'value', 'ceiling / detail', 'ratio']];
  const t = results.transitions;
  if (t) {
    rows.push([
      'transitions/s (16 conn)',
      n0(t.perSecond),
      `${n0(t.ceilingPerSecond)}/s ${t.ceilingTool}`,
      n2(t.ratio),
    ]);
    rows.push([
      'transition p50 / p99 ms',
      `${n2(t.p50Ms)} / ${n2(t.p99Ms)}`,
      `${n2(t.ceilingP50Ms)} / ${n2(t.ceilingP99Ms)}`,
      '',
    ]);
  }
  const r = results.replay;
  if (r) {
    rows.push([
      'replay events/s (all)',
      n0(r.eventsPerSecond),
      `${n0(r.ceilingEventsPerSecond)}/s bare transition()`,
      n2(r.ratio),
    ]);
    rows.push([
      `  one history of ${n0(r.longHistory.events)}`,
      n0(r.longHistory.eventsPerSecond),
      `${n0(r.longHistory.ceilingEventsPerSecond)}/s`,
      n2(r.longHistory.ratio),
    ]);
    rows.push([
      `  ${n0(r.manyProjects.events)} events, many projects`,
      n0(r.manyProjects.eventsPerSecond),
      `${n0(r.manyProjects.ceilingEventsPerSecond)}/s`,
      n2(r.manyProjects.ratio),
    ]);
    if (r.service)
      rows.push([
        '  via GET .../replay (service)',
        n0(r.service.eventsPerSecond),
        `${r.service.seconds.toFixed(1)} s for ${n0(r.service.events)}`,
        '',
      ]);
  }
  for (const [name, figure] of Object.entries(results.queries ?? {}))
    rows.push([`query ${name} p50 / p99 ms`, `${n2(figure.p50Ms)} / ${n2(figure.p99Ms)}`, '', '']);
  if (results.rssMb.underLoad !== undefined)
    rows.push(['RSS peak under load MB', String(results.rssMb.underLoad), '', '']);
  if (results.rssMb.afterReplay !== undefined)
    rows.push([
      'RSS after replay MB',
      String(results.rssMb.afterReplay),
      `peak ${results.rssMb.peakAfterReplay} MB`,
      '',
    ]);
  const e = results.export;
  if (e)
    rows.push([
      'export RSS before / max MB',
      `${e.rssBeforeMb} / ${e.rssMaxDuringMb}`,
      `${n0(e.entries)} lines, ${n0(e.megabytes)} MB in ${e.seconds.toFixed(1)} s${e.failed ? ' (FAILED)' : ''}`,
      '',
    ]);
  for (const [name, peer] of Object.entries(results.peers ?? {}))
    rows.push([
      `peer ${name}/s`,
      n0(peer.perSecond),
      `p99 ${n2(peer.p99Ms)} ms, RSS ${peer.peakRssMb} MB`,
      `${n2(peer.ratio)} (Waypost / peer)`,
    ]);
  const lines = [
    format(rows),
    '',
    format([
      ['target', 'goal', 'measured', 'status'],
      ...checks.map((c) => [c.name, c.goal, c.actual, c.met === null ? 'not run' : c.met ? 'met' : 'MISSED']),
    ]),
  ];
  if (results.profile) lines.push('', profileText(results));
  return lines.join('\n') + '\n';
}

function profileText(results: BenchResults): string {
  const profile = results.profile;
  if (!profile) return '';
  const rows = [
    ['self time (service under load)', 'ms', '%'],
    ...profile.functions.map((f) => [f.name, String(f.ms), f.percent.toFixed(1)]),
  ];
  const modules = [
    ['by module', 'ms', '%'],
    ...profile.modules.map((m) => [m.name, String(m.ms), m.percent.toFixed(1)]),
  ];
  return `${format(rows)}\n\n${format(modules)}`;
}

function format(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
