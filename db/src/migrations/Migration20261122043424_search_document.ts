import { Migration } from '@mikro-orm/migrations';

export class Migration20261122043424_search_document extends Migration {
  override name = 'Migration20261122043424_search_document';

  override up(): void | Promise<void> {
    this.addSql(`drop index "creators_display_name_search_idx";`);

    this.addSql(`drop index "products_title_search_idx";`);
    this.addSql(`alter table "products" add "search_document" tsvector null;`);
    this.addSql(`create index "products_search_document_index" on "public"."products" using gin("search_document");`);

    this.addSql(`drop index "works_title_search_idx";`);
  }

  override down(): void | Promise<void> {
    this.addSql(
      `create index "creators_display_name_search_idx" on "creators" using gin (to_tsvector('simple', "display_name"));`,
    );

    this.addSql(`drop index "products_search_document_index";`);
    this.addSql(`alter table "products" drop column "search_document";`);
    this.addSql(`create index "products_title_search_idx" on "products" using gin (to_tsvector('simple', "title"));`);

    this.addSql(`create index "works_title_search_idx" on "works" using gin (to_tsvector('simple', "title"));`);
  }
}
