import { Migration } from '@mikro-orm/migrations';

/**
 * The event store and everything written with it in one transaction: the project read model, the
 * hash-chained audit entries, idempotency records and durable timers. Every table that belongs to a
 * project carries project_id in its key, so the schema can be distributed by project later.
 */
export class Migration0003EventStore extends Migration {
  override up(): void {
    this.addSql('create extension if not exists pg_trgm');
    this.addSql(`
      create table projects (
        id uuid primary key,
        enterprise_id varchar(64) not null,
        title varchar(300) not null,
        definition_key varchar(64) not null,
        definition_version integer not null,
        state_value jsonb not null,
        state_paths text[] not null,
        status varchar(16) not null,
        context jsonb not null,
        snapshot jsonb not null,
        overdue boolean not null default false,
        overdue_since timestamptz,
        flags text[] not null default '{}',
        deadlines jsonb not null default '[]',
        version integer not null,
        chain_head char(64) not null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        foreign key (definition_key, definition_version) references definition_versions (key, version)
      )`);
    this.addSql('create index projects_by_created on projects (created_at desc, id desc)');
    this.addSql('create index projects_by_enterprise on projects (enterprise_id, created_at desc, id desc)');
    this.addSql('create index projects_by_definition on projects (definition_key, definition_version)');
    this.addSql('create index projects_by_state on projects using gin (state_paths)');
    this.addSql('create index projects_overdue on projects (overdue_since, id) where overdue');
    this.addSql('create index projects_by_title on projects using gin (title gin_trgm_ops)');

    this.addSql(`
      create table events (
        project_id uuid not null,
        version integer not null check (version > 0),
        type varchar(128) not null,
        payload jsonb not null,
        actor_id varchar(64) not null,
        actor_role varchar(16) not null,
        occurred_at timestamptz not null,
        recorded_at timestamptz not null default clock_timestamp(),
        definition_key varchar(64) not null,
        definition_version integer not null,
        state_before jsonb,
        state_after jsonb not null,
        request_id varchar(128),
        idempotency_key varchar(255),
        primary key (project_id, version)
      )`);
    this.addSql('create index events_by_recorded on events (recorded_at)');

    this.addSql(`
      create table audit_entries (
        project_id uuid not null,
        version integer not null,
        entry jsonb not null,
        prev_hash char(64) not null,
        hash char(64) not null,
        recorded_at timestamptz not null default clock_timestamp(),
        primary key (project_id, version)
      )`);

    this.addSql(`
      create table idempotency_records (
        principal_id varchar(64) not null,
        key varchar(255) not null,
        request_hash char(64) not null,
        status integer not null,
        body text not null,
        project_id uuid,
        created_at timestamptz not null default now(),
        primary key (principal_id, key)
      )`);
    this.addSql('create index idempotency_by_age on idempotency_records (created_at)');

    this.addSql(`
      create table timers (
        project_id uuid not null,
        timer_key varchar(300) not null,
        armed_version integer not null,
        event_type varchar(400) not null,
        due_at timestamptz not null,
        derivation jsonb not null,
        status varchar(16) not null default 'armed' check (status in ('armed', 'fired', 'cancelled', 'void')),
        settled_at timestamptz,
        settled_version integer,
        note text,
        primary key (project_id, timer_key, armed_version)
      )`);
    this.addSql(`create index timers_due on timers (due_at) where status = 'armed'`);

    // Events and audit entries are append-only (DESIGN invariant 8).
    this.addSql(`
      create function refuse_append_only_change() returns trigger language plpgsql as $$
      begin
        raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'restrict_violation';
      end $$`);
    for (const table of ['events', 'audit_entries']) {
      this.addSql(`create trigger ${table}_append_only before update or delete on ${table}
        for each row execute function refuse_append_only_change()`);
      this.addSql(`create trigger ${table}_no_truncate before truncate on ${table}
        for each statement execute function refuse_append_only_change()`);
    }
  }
}
