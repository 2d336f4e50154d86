/** What one `npm run bench` invocation measures, from its command-line flags. */
export interface BenchOptions {
  quick: boolean;
  peers: boolean;
  profile: boolean;
  /** Phases to run; all of them unless `--only a,b` narrows it (handy while tuning one phase). */
  only: ReadonlySet<Phase>;
}

export const PHASES = ['transitions', 'replay', 'queries'] as const;
export type Phase = (typeof PHASES)[number];

export function parseOptions(argv: readonly string[]): BenchOptions {
  const known = new Set(['--quick', '--peers', '--profile', '--only']);
  for (const arg of argv) {
    if (arg.startsWith('--') && !known.has(arg)) throw new Error(`unknown option ${arg}`);
  }
  const onlyAt = argv.indexOf('--only');
  const only = onlyAt >= 0 ? (argv[onlyAt + 1] ?? '').split(',') : [...PHASES];
  for (const phase of only) {
    if (!(PHASES as readonly string[]).includes(phase)) throw new Error(`unknown phase ${phase}`);
  }
  return {
    quick: argv.includes('--quick'),
    peers: argv.includes('--peers'),
    profile: argv.includes('--profile'),
    only: new Set(only as Phase[]),
  };
}
