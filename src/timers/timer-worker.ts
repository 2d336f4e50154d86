import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { Clock } from '../common/clock';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { FireDueTimersCommand } from './commands/fire-due-timers/fire-due-timers.command';

export const TIMERS_CHANNEL = 'waypost_timers';

/**
 * Fires due deadlines: drains what is due, then sleeps until the next due time, the poll interval,
 * or a notification that an earlier deadline was armed on any instance, whichever comes first.
 * The service starts it once it is ready (after demo seeding), so start-up work never races it.
 */
@Injectable()
export class TimerWorker implements OnModuleDestroy {
  private readonly logger = new Logger('TimerWorker');
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private listener?: Client;

  constructor(
    private readonly commands: CommandBus,
    private readonly em: EntityManager,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async start(): Promise<void> {
    if (!this.config.timers.enabled || this.running) return;
    this.running = true;
    await this.listen();
    this.loop = this.run();
  }

  async onModuleDestroy(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.listener?.end().catch(() => undefined);
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        await this.drain();
        await this.sleep(await this.untilNextDue());
      } catch (error) {
        this.logger.error(`timer round failed: ${error instanceof Error ? error.message : String(error)}`);
        await this.sleep(this.config.timers.pollMs);
      }
    }
  }

  /** Late timers (the service was down) all fire now, oldest first, a batch per transaction. */
  private async drain(): Promise<void> {
    const { batchSize } = this.config.timers;
    for (;;) {
      const report = await this.commands.execute(new FireDueTimersCommand(batchSize));
      if (report.fired + report.voided > 0)
        this.logger.log(`fired ${report.fired}, voided ${report.voided} timer(s)`);
      if (!this.running || report.fired + report.voided + report.retried < batchSize) return;
    }
  }

  private async untilNextDue(): Promise<number> {
    const [row] = await this.em
      .getConnection()
      .execute<{ next: Date | null }[]>(`select min(due_at) as next from timers where status = 'armed'`);
    const pollMs = this.config.timers.pollMs;
    if (!row?.next) return pollMs;
    return Math.min(pollMs, Math.max(0, new Date(row.next).getTime() - this.clock.now().getTime()));
  }

  private sleep(ms: number): Promise<void> {
    // Stopped while a round was running: its wake-up came before this sleep could hear it.
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  private async listen(): Promise<void> {
    const url = this.config.databaseUrl;
    if (!url) return;
    const client = new Client({ connectionString: url });
    client.on('notification', () => this.wake?.());
    client.on('error', (error) =>
      this.logger.warn(
        `timer notifications lost (${error.message}); polling every ${this.config.timers.pollMs} ms`,
      ),
    );
    await client.connect();
    await client.query(`listen ${TIMERS_CHANNEL}`);
    this.listener = client;
  }
}
