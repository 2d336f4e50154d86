import { Migration } from '@mikro-orm/migrations';

/**
 * The stored snapshot repeated the state value and the context, which have columns of their own
 * (the format has no history states or child actors); every append wrote the context twice.
 */
export class Migration0006DropSnapshotColumn extends Migration {
  override up(): void {
    this.addSql('alter table projects drop column snapshot');
  }
}
