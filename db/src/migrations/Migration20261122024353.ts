import { Migration } from '@mikro-orm/migrations';

/** Checkout: the Stripe events already acted on, and the per-tenant yearly invoice counters. */
export class Migration20261122024353 extends Migration {
  override name = 'Migration20261122024353';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "invoice_counters" ("tenant_id" uuid not null, "year" int not null, "last_number" int not null default 0, primary key ("tenant_id", "year"));`,
    );
    this.addSql(`create index "invoice_counters_tenant_id_index" on "invoice_counters" ("tenant_id");`);

    this.addSql(
      `create table "stripe_events" ("id" varchar(255) not null, "type" varchar(255) not null, "tenant_id" uuid null, "received_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "stripe_events_tenant_id_index" on "stripe_events" ("tenant_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "invoice_counters" cascade;`);
    this.addSql(`drop table if exists "stripe_events" cascade;`);
  }
}
