import { Migration } from '@mikro-orm/migrations';

export class Migration20261207022927_product_bundles extends Migration {
  override name = 'Migration20261207022927_product_bundles';

  override up(): void | Promise<void> {
    this.addSql(`alter table "products" add "bundled_product_ids" text[] null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "products" drop column "bundled_product_ids";`);
  }
}
