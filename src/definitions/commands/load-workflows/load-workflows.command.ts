import { Command } from '@nestjs/cqrs';

export interface LoadedWorkflow {
  file: string;
  key: string;
  version: number;
  /** False when the file matched the version already loaded from it. */
  published: boolean;
}

/** Publishes each definition file in `directory` that is new or changed since it was last loaded. */
export class LoadWorkflowsCommand extends Command<LoadedWorkflow[]> {
  constructor(readonly directory: string) {
    super();
  }
}
