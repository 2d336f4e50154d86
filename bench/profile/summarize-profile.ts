import { readFile } from 'node:fs/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  name: string;
  ms: number;
  percent: number;
}

export interface ProfileSummary {
  busyMs: number;
  functions: SelfTime[];
  modules: SelfTime[];
}

/**
 * Self time per function and per module (package or source file) of a `.cpuprofile`, idle excluded:
 * where the service's CPU goes, as a share of the time it was not idle.
 */
export async function summarizeProfile(file: string, top = 15): Promise<ProfileSummary> {
  const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const functions = new Map<string, number>();
  const modules = new Map<string, number>();
  let busyUs = 0;
  profile.samples.forEach((id, index) => {
    const frame = byId.get(id)?.callFrame;
    const us = profile.timeDeltas[index] ?? 0;
    if (!frame || frame.functionName === '(idle)') return;
    busyUs += us;
    add(functions, `${frame.functionName || '(anonymous)'} ${where(frame.url)}:${frame.lineNumber + 1}`, us);
    add(modules, moduleOf(frame.url, frame.functionName), us);
  });
  return {
    busyMs: Math.round(busyUs / 1000),
    functions: ranked(functions, busyUs, top),
    modules: ranked(modules, busyUs, top),
  };
}

function add(totals: Map<string, number>, key: string, us: number): void {
  totals.set(key, (totals.get(key) ?? 0) + us);
}

function ranked(totals: Map<string, number>, busyUs: number, top: number): SelfTime[] {
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, us]) => ({
      name,
      ms: Math.round(us / 1000),
      percent: Number(((100 * us) / busyUs).toFixed(1)),
    }));
}

/** The part of a script URL worth printing: from node_modules/ or the build folder on. */
function where(url: string): string {
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) return url.slice(modules + 'node_modules/'.length);
  const dist = url.lastIndexOf('/dist/');
  if (dist >= 0) return url.slice(dist + 1);
  return url.replace(/^file:\/\//, '') || '(native)';
}

/** A package name, a Waypost source folder, node internals, or the VM's own buckets (GC, program). */
function moduleOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url.slice(url.lastIndexOf('node_modules/')));
  if (modules) return modules[1];
  if (url.startsWith('node:')) return 'node internals';
  const dist = /\/dist\/([^/]+)/.exec(url);
  return dist ? `waypost ${dist[1]}` : where(url);
}
