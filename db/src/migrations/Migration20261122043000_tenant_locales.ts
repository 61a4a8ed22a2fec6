import { Migration } from '@mikro-orm/migrations';

export class Migration20261122043000_tenant_locales extends Migration {
  override name = 'Migration20261122043000_tenant_locales';

  override up(): void | Promise<void> {
    this.addSql(`alter table "tenants" add "locales" text[] null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "tenants" drop column "locales";`);
  }
}
