/** Workload sizes: the figures in full mode, scaled down so `--quick` ends within a minute. */
export interface Sizes {
  connections: number;
  warmupSeconds: number;
  loadSeconds: number;
  loadProjects: number;
  longHistoryEvents: number;
  manyProjects: number;
  eventsPerProject: number;
  scaleProjects: number;
  scaleEvents: number;
  querySamples: number;
}

export const FULL: Sizes = {
  connections: 16,
  warmupSeconds: 5,
  loadSeconds: 20,
  loadProjects: 1000,
  longHistoryEvents: 100_000,
  manyProjects: 10_000,
  eventsPerProject: 20,
  scaleProjects: 100_000,
  scaleEvents: 2_000_000,
  querySamples: 200,
};

export const QUICK: Sizes = {
  connections: 16,
  warmupSeconds: 1,
  loadSeconds: 3,
  loadProjects: 100,
  longHistoryEvents: 2_000,
  manyProjects: 100,
  eventsPerProject: 20,
  scaleProjects: 1_000,
  scaleEvents: 20_000,
  querySamples: 20,
};
