import { Command } from '@nestjs/cqrs';
import type { CheckpointView } from '../../audit.views';

/** Takes a checkpoint now; `onlyIfFree` skips (answers null) when another instance is taking one. */
export class CreateCheckpointCommand extends Command<CheckpointView | null> {
  constructor(readonly onlyIfFree = false) {
    super();
  }
}
