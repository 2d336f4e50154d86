import { Migration } from '@mikro-orm/migrations';

/**
 * Audit tables beside the hash chains: refused attempts (security entries) and checkpoints, a Merkle
 * root over every chain head so a deleted tail is detectable. All append-only, like events.
 */
export class Migration0004Audit extends Migration {
  override up(): void {
    this.addSql(`
      create table security_entries (
        id bigint generated always as identity primary key,
        principal_id varchar(64) not null,
        role varchar(16) not null,
        project_id uuid,
        event_type varchar(128),
        status integer not null,
        reason varchar(64) not null,
        detail jsonb not null,
        request_id varchar(128),
        occurred_at timestamptz not null,
        recorded_at timestamptz not null default clock_timestamp()
      )`);
    this.addSql('create index security_entries_by_project on security_entries (project_id, id)');

    this.addSql(`
      create table checkpoints (
        id integer generated always as identity primary key,
        created_at timestamptz not null,
        head_count integer not null,
        root char(64) not null,
        algorithm varchar(16),
        signature text,
        public_key text
      )`);
    this.addSql(`
      create table checkpoint_heads (
        checkpoint_id integer not null references checkpoints (id),
        project_id uuid not null,
        version integer not null,
        hash char(64) not null,
        primary key (checkpoint_id, project_id)
      )`);

    for (const table of ['security_entries', 'checkpoints', 'checkpoint_heads']) {
      this.addSql(`create trigger ${table}_append_only before update or delete on ${table}
        for each row execute function refuse_append_only_change()`);
      this.addSql(`create trigger ${table}_no_truncate before truncate on ${table}
        for each statement execute function refuse_append_only_change()`);
    }
  }
}
