import { Module } from '@nestjs/common';
import { EventStoreModule } from '../event-store/event-store.module';
import { FireDueTimersHandler } from './commands/fire-due-timers/fire-due-timers.handler';
import { TimerWorker } from './timer-worker';

@Module({
  imports: [EventStoreModule],
  providers: [FireDueTimersHandler, TimerWorker],
  exports: [TimerWorker],
})
export class TimersModule {}
