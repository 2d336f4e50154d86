import { Migration } from '@mikro-orm/migrations';

export class Migration0002Definitions extends Migration {
  override up(): void {
    this.addSql(`
      create table definition_versions (
        key varchar(64) not null,
        version integer not null check (version > 0),
        status varchar(16) not null check (status in ('draft', 'published')),
        body jsonb not null,
        body_hash char(64) not null,
        source varchar(16) not null check (source in ('api', 'workflows')),
        created_by varchar(64) not null,
        created_at timestamptz not null default now(),
        published_by varchar(64),
        published_at timestamptz,
        primary key (key, version),
        check ((status = 'published') = (published_at is not null))
      )`);
    // Published versions are immutable (DESIGN invariant 7): the database refuses any change to them.
    this.addSql(`
      create function refuse_published_definition_change() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then
          if old.status = 'published' then
            raise exception 'definition %@% is published and cannot be deleted', old.key, old.version
              using errcode = 'restrict_violation';
          end if;
          return old;
        end if;
        if old.status = 'published' then
          raise exception 'definition %@% is published and immutable', old.key, old.version
            using errcode = 'restrict_violation';
        end if;
        return new;
      end $$`);
    this.addSql(`
      create trigger definition_versions_immutable before update or delete on definition_versions
      for each row execute function refuse_published_definition_change()`);
  }
}
