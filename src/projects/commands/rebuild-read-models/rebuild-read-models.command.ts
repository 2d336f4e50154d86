import { Command } from '@nestjs/cqrs';

export interface RebuildReport {
  projects: number;
  rebuilt: number;
  /** Projects whose stored read model differed from the one their events imply. */
  differed: string[];
  /** Projects whose stream could not be folded (an event the pinned definition refuses). */
  failed: { projectId: string; version: number; reason: string }[];
}

/** Recomputes every project's read model from its events; `onProgress` is told after each batch. */
export class RebuildReadModelsCommand extends Command<RebuildReport> {
  constructor(
    readonly onProgress: (done: number, total: number) => void = () => undefined,
    readonly batchSize = 500,
  ) {
    super();
  }
}
