import { Migration } from '@mikro-orm/migrations';

export class Migration0001Principals extends Migration {
  override up(): void {
    this.addSql(`
      create table principals (
        id uuid primary key,
        name varchar(200) not null,
        role varchar(20) not null check (role in ('bureau','service','expert','enterprise','auditor')),
        enterprise_id varchar(64),
        key_hash char(64) not null unique,
        key_prefix varchar(16) not null,
        created_at timestamptz not null default now(),
        created_by uuid,
        revoked_at timestamptz,
        check ((role = 'enterprise') = (enterprise_id is not null))
      )`);
  }
}
