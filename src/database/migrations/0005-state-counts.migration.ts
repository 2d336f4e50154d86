import { Migration } from '@mikro-orm/migrations';
import { RECOUNT_STATES, STATE_PATHS_FUNCTION } from '../state-counts.sql';

/**
 * Counters per state path, maintained by the append statement, so the bureau's figures ("65 applied
 * for acceptance, 20 passed") are a read of a few rows rather than a scan of every event.
 */
export class Migration0005StateCounts extends Migration {
  override up(): void {
    this.addSql(STATE_PATHS_FUNCTION);
    this.addSql(`
      create table state_entries (
        project_id uuid not null,
        state_path varchar(400) not null,
        definition_key varchar(64) not null,
        definition_version integer not null,
        first_version integer not null,
        primary key (project_id, state_path)
      )`);
    this.addSql(`
      create table state_counts (
        definition_key varchar(64) not null,
        definition_version integer not null,
        state_path varchar(400) not null,
        now_count integer not null default 0,
        ever_count integer not null default 0,
        primary key (definition_key, definition_version, state_path)
      )`);
    // The funnel counts projects with a given recorded event (a mock defense, a verdict).
    this.addSql('create index events_by_type on events (type, project_id)');
    for (const statement of RECOUNT_STATES) this.addSql(statement);
  }
}
