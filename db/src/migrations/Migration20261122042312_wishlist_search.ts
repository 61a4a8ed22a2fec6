import { Migration } from '@mikro-orm/migrations';

export class Migration20261122042312_wishlist_search extends Migration {
  override name = 'Migration20261122042312_wishlist_search';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "wishlist_items" ("id" uuid not null, "tenant_id" uuid not null, "user_id" uuid not null, "product_id" uuid not null, "in_wishlist" boolean not null, "changed_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "wishlist_items_tenant_id_index" on "wishlist_items" ("tenant_id");`);
    this.addSql(
      `alter table "wishlist_items" add constraint "wishlist_items_tenant_id_user_id_product_id_unique" unique ("tenant_id", "user_id", "product_id");`,
    );

    this.addSql(
      `create index "creators_display_name_search_idx" on "creators" using gin (to_tsvector('simple', "display_name"));`,
    );

    this.addSql(`create index "products_title_search_idx" on "products" using gin (to_tsvector('simple', "title"));`);

    this.addSql(`create index "works_title_search_idx" on "works" using gin (to_tsvector('simple', "title"));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "wishlist_items" cascade;`);

    this.addSql(`drop index "creators_display_name_search_idx";`);

    this.addSql(`drop index "products_title_search_idx";`);

    this.addSql(`drop index "works_title_search_idx";`);
  }
}
