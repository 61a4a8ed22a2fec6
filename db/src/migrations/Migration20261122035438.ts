import { Migration } from '@mikro-orm/migrations';

export class Migration20261122035438 extends Migration {
  override name = 'Migration20261122035438';

  override up(): void | Promise<void> {
    this.addSql(`alter table "orders" add "tax_evidence" jsonb null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "orders" drop column "tax_evidence";`);
  }
}
