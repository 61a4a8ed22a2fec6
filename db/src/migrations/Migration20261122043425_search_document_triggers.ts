import { Migration } from '@mikro-orm/migrations';

/**
 * Keeps `products.search_document` (what catalog search matches) equal to the product's title
 * (weight A), its work's title and its creator's name (weight B), tsvectors of the `simple`
 * configuration. One stored, GIN-indexed vector per product lets a search find and rank its
 * matches without computing three tsvectors per candidate. Triggers follow every write of a
 * product's names and every insert or rename of a work or a creator (a product may be inserted
 * before its work in the same flush), so no code path can forget it; a work or creator of
 * another tenant never contributes.
 */
export class Migration20261122043425_search_document_triggers extends Migration {
  override name = 'Migration20261122043425_search_document_triggers';

  override up(): void {
    // Trigger functions only: the schema diff leaves those to migrations (ignoreTriggers), while a
    // plain function would be read as one to drop.
    this.addSql(`
create function fanfare_fill_product_search_document() returns trigger language plpgsql as $$
begin
  new.search_document :=
    setweight(to_tsvector('simple', coalesce(new.title, '')), 'A')
    || setweight(to_tsvector('simple', coalesce((select w.title from "works" w where w.id = new.work_id and w.tenant_id = new.tenant_id), '')), 'B')
    || setweight(to_tsvector('simple', coalesce((select c.display_name from "creators" c where c.id = new.creator_id and c.tenant_id = new.tenant_id), '')), 'B');
  return new;
end;
$$;`);
    this.addSql(`
create trigger products_search_document
  before insert or update of title, work_id, creator_id, tenant_id, search_document on "products"
  for each row execute function fanfare_fill_product_search_document();`);
    this.addSql(`
create function fanfare_refresh_search_documents_of_work() returns trigger language plpgsql as $$
begin
  -- Rewriting the column fires products_search_document, which recomputes it.
  update "products" set search_document = null where work_id = new.id and tenant_id = new.tenant_id;
  return null;
end;
$$;`);
    this.addSql(`
create trigger works_search_documents
  after insert or update of title on "works"
  for each row execute function fanfare_refresh_search_documents_of_work();`);
    this.addSql(`
create function fanfare_refresh_search_documents_of_creator() returns trigger language plpgsql as $$
begin
  update "products" set search_document = null where creator_id = new.id and tenant_id = new.tenant_id;
  return null;
end;
$$;`);
    this.addSql(`
create trigger creators_search_documents
  after insert or update of display_name on "creators"
  for each row execute function fanfare_refresh_search_documents_of_creator();`);
    this.addSql(`update "products" set search_document = null;`);
  }

  override down(): void {
    this.addSql('drop trigger if exists creators_search_documents on "creators";');
    this.addSql('drop function if exists fanfare_refresh_search_documents_of_creator();');
    this.addSql('drop trigger if exists works_search_documents on "works";');
    this.addSql('drop function if exists fanfare_refresh_search_documents_of_work();');
    this.addSql('drop trigger if exists products_search_document on "products";');
    this.addSql('drop function if exists fanfare_fill_product_search_document();');
  }
}
