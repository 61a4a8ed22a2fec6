import { Migration } from '@mikro-orm/migrations';

export class Migration20261122034009 extends Migration {
  override name = 'Migration20261122034009';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "capacity_reservations" ("id" uuid not null, "tenant_id" uuid not null, "product_id" uuid not null, "order_id" uuid not null, "units" int not null, "status" text not null default 'reserved', "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "capacity_reservations_tenant_id_index" on "capacity_reservations" ("tenant_id");`);
    this.addSql(`create index "capacity_reservations_product_id_index" on "capacity_reservations" ("product_id");`);
    this.addSql(`create index "capacity_reservations_order_id_index" on "capacity_reservations" ("order_id");`);
    this.addSql(
      `alter table "capacity_reservations" add constraint "capacity_reservations_order_id_product_id_unique" unique ("order_id", "product_id");`,
    );

    this.addSql(`alter table "products" add "capacity_units" int null;`);

    this.addSql(
      `alter table "capacity_reservations" add constraint "capacity_reservations_status_check" check ("status" in ('reserved', 'confirmed', 'released'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "capacity_reservations" cascade;`);

    this.addSql(`alter table "products" drop column "capacity_units";`);
  }
}
