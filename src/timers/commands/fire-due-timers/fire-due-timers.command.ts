import { Command } from '@nestjs/cqrs';

export interface FiringReport {
  /** Timers whose event was appended. */
  fired: number;
  /** Timers the machine no longer wants (state left, flag already set) or that cannot be fired (reported). */
  voided: number;
  /** Timers left armed for the next round (their project moved on while we decided). */
  retried: number;
}

/** Fires up to `batchSize` due timers in one transaction, claimed with FOR UPDATE SKIP LOCKED. */
export class FireDueTimersCommand extends Command<FiringReport> {
  constructor(readonly batchSize: number) {
    super();
  }
}
