import { Migration } from '@mikro-orm/migrations';

/**
 * Each transition cancels its project's armed timers by key. The primary key also holds every settled
 * version of a timer, so without this index the lookup grows with the project's history (every progress
 * report re-arms its reminder). Not unique: one statement cancels the old row and arms the new one.
 */
export class Migration0008ArmedTimersIndex extends Migration {
  override up(): void {
    this.addSql(`create index timers_armed on timers (project_id, timer_key) where status = 'armed'`);
  }
}
