import { Migration } from '@mikro-orm/migrations';

/**
 * Every event rewrites its project's row. Leaving room on each page lets PostgreSQL update it in place
 * (a HOT update) instead of adding an entry to every index of the table for each event.
 */
export class Migration0007ProjectsFillfactor extends Migration {
  override up(): void {
    this.addSql('alter table projects set (fillfactor = 70)');
  }
}
