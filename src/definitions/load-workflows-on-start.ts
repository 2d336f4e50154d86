import { join } from 'node:path';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { LoadWorkflowsCommand } from './commands/load-workflows/load-workflows.command';

/** `workflows/` sits two levels above this file both in `src/` and in the compiled `dist/`. */
export const WORKFLOWS_DIR = join(__dirname, '..', '..', 'workflows');

@Injectable()
export class LoadWorkflowsOnStart implements OnApplicationBootstrap {
  private readonly logger = new Logger('Workflows');

  constructor(private readonly commands: CommandBus) {}

  async onApplicationBootstrap(): Promise<void> {
    const loaded = await this.commands.execute(new LoadWorkflowsCommand(WORKFLOWS_DIR));
    for (const workflow of loaded.filter((entry) => entry.published)) {
      this.logger.log(`Published ${workflow.key} v${workflow.version} from workflows/${workflow.file}`);
    }
  }
}
