import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { AUDIT_SETTINGS, type AuditSettings } from '../audit-settings';
import { CreateCheckpointCommand } from '../commands/create-checkpoint/create-checkpoint.command';

/**
 * Takes a checkpoint every WAYPOST_CHECKPOINT_INTERVAL_S seconds. Every instance runs the timer; the
 * advisory lock in the command lets one of them take it. Unref'd: it never keeps the process alive.
 */
@Injectable()
export class CheckpointScheduler implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Checkpoints');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly commands: CommandBus,
    @Inject(AUDIT_SETTINGS) private readonly settings: AuditSettings,
  ) {}

  onModuleInit(): void {
    if (this.settings.checkpointIntervalS === 0) return;
    this.timer = setInterval(() => this.tick(), this.settings.checkpointIntervalS * 1000);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.commands
      .execute(new CreateCheckpointCommand(true))
      .then((checkpoint) => {
        if (checkpoint)
          this.logger.log(`checkpoint ${checkpoint.id}: ${checkpoint.count} heads, root ${checkpoint.root}`);
      })
      .catch((error: unknown) => {
        this.logger.error(`checkpoint failed: ${error instanceof Error ? error.message : String(error)}`);
      })
      .finally(() => {
        this.running = undefined;
      });
  }
}
