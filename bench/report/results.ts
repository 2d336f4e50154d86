import type { ProfileSummary } from '../profile/summarize-profile';
import type { ExportFigure } from '../scale/export-bench';

/** bench/results/latest.json: the published shape first, then what helps read it. */
export interface BenchResults {
  transitions?: {
    perSecond: number;
    p50Ms: number;
    p99Ms: number;
    ceilingPerSecond: number;
    ratio: number;
    ceilingP50Ms: number;
    ceilingP99Ms: number;
    ceilingTool: string;
    non2xx: number;
  };
  replay?: {
    eventsPerSecond: number;
    ceilingEventsPerSecond: number;
    ratio: number;
    longHistory: Figure;
    manyProjects: Figure;
    service?: { events: number; seconds: number; eventsPerSecond: number; failed?: string };
  };
  queries?: Record<string, { p50Ms: number; p99Ms: number }>;
  rssMb: { underLoad?: number; afterReplay?: number; peakAfterReplay?: number };
  /** GET /api/audit/export.ndjson over the scale data set, after the service's replay. */
  export?: ExportFigure;
  peers?: Record<string, { perSecond: number; ratio: number; p99Ms: number; peakRssMb: number }>;
  machine: { cpus: number; node: string; postgres: string };
  mode: 'full' | 'quick';
  scale?: { projects: number; events: number; loadSeconds: number };
  profile?: ProfileSummary;
  seconds: number;
  error?: string;
}

interface Figure {
  events: number;
  eventsPerSecond: number;
  ceilingEventsPerSecond: number;
  ratio: number;
}
