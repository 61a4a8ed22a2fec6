import { Migration } from '@mikro-orm/migrations';

export class Migration20261122021835 extends Migration {
  override name = 'Migration20261122021835';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "assets" ("id" uuid not null, "tenant_id" uuid not null, "product_id" uuid null, "work_id" uuid null, "kind" text not null, "storage_key" varchar(1024) not null, "filename" varchar(255) not null, "content_type" varchar(255) not null, "size_bytes" bigint not null, "sha256" char(64) not null, "duration_ms" int null, "status" text not null default 'uploaded', "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "assets_tenant_id_index" on "assets" ("tenant_id");`);
    this.addSql(`create index "assets_product_id_index" on "assets" ("product_id");`);
    this.addSql(`create index "assets_work_id_index" on "assets" ("work_id");`);
    this.addSql(
      `alter table "assets" add constraint "assets_kind_check" check ("kind" in ('original', 'rendition', 'cover', 'preview', 'download'));`,
    );
    this.addSql(
      `alter table "assets" add constraint "assets_status_check" check ("status" in ('uploaded', 'processing', 'ready', 'failed', 'blocked'));`,
    );

    this.addSql(
      `create table "audit_events" ("id" uuid not null, "tenant_id" uuid not null, "actor_type" text not null, "actor_id" varchar(255) not null, "action" varchar(255) not null, "subject_type" varchar(255) not null, "subject_id" varchar(255) not null, "data" jsonb not null default '{}', "request_id" varchar(255) null, "occurred_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "audit_events_tenant_id_index" on "audit_events" ("tenant_id");`);
    this.addSql(`create index "audit_events_occurred_at_index" on "audit_events" ("occurred_at");`);
    this.addSql(
      `create index "audit_events_tenant_id_subject_type_subject_id_index" on "audit_events" ("tenant_id", "subject_type", "subject_id");`,
    );
    this.addSql(
      `alter table "audit_events" add constraint "audit_events_actor_type_check" check ("actor_type" in ('user', 'system', 'workflow'));`,
    );

    this.addSql(
      `create table "creators" ("id" uuid not null, "tenant_id" uuid not null, "user_id" uuid not null, "display_name" varchar(255) not null, "slug" varchar(255) not null, "bio" text not null default '', "stripe_account_id" varchar(255) null, "payout_schedule" text not null default 'monthly', "payout_minimum_minor" int not null default 0, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "creators_tenant_id_index" on "creators" ("tenant_id");`);
    this.addSql(`create index "creators_user_id_index" on "creators" ("user_id");`);
    this.addSql(`alter table "creators" add constraint "creators_tenant_id_slug_unique" unique ("tenant_id", "slug");`);
    this.addSql(
      `alter table "creators" add constraint "creators_payout_schedule_check" check ("payout_schedule" in ('weekly', 'monthly'));`,
    );

    this.addSql(
      `create table "domains" ("id" uuid not null, "tenant_id" uuid not null, "hostname" varchar(253) not null, "status" text not null default 'pending_verification', "verification_token" varchar(255) not null, "verified_at" timestamptz null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "domains_tenant_id_index" on "domains" ("tenant_id");`);
    this.addSql(`alter table "domains" add constraint "domains_hostname_unique" unique ("hostname");`);
    this.addSql(
      `alter table "domains" add constraint "domains_status_check" check ("status" in ('pending_verification', 'verifying', 'issuing_certificate', 'active', 'failed', 'removed'));`,
    );

    this.addSql(
      `create table "download_grants" ("id" uuid not null, "tenant_id" uuid not null, "entitlement_id" uuid not null, "asset_id" uuid not null, "user_id" uuid not null, "token_hash" varchar(255) not null, "key_id" varchar(255) not null, "expires_at" timestamptz not null, "uses_left" int not null, "created_at" timestamptz not null, "revoked_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "download_grants_tenant_id_index" on "download_grants" ("tenant_id");`);
    this.addSql(`create index "download_grants_entitlement_id_index" on "download_grants" ("entitlement_id");`);
    this.addSql(`create index "download_grants_user_id_index" on "download_grants" ("user_id");`);
    this.addSql(
      `alter table "download_grants" add constraint "download_grants_token_hash_unique" unique ("token_hash");`,
    );

    this.addSql(
      `create table "entitlements" ("id" uuid not null, "tenant_id" uuid not null, "user_id" uuid null, "buyer_email" varchar(255) not null, "product_id" uuid not null, "order_id" uuid not null, "rights" jsonb not null, "usage_used" int not null default 0, "status" text not null default 'active', "revoked_reason" varchar(255) null, "eula_version" varchar(255) not null, "eula_accepted_at" timestamptz not null, "granted_at" timestamptz not null, "expires_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "entitlements_tenant_id_index" on "entitlements" ("tenant_id");`);
    this.addSql(`create index "entitlements_user_id_index" on "entitlements" ("user_id");`);
    this.addSql(`create index "entitlements_buyer_email_index" on "entitlements" ("buyer_email");`);
    this.addSql(`create index "entitlements_product_id_index" on "entitlements" ("product_id");`);
    this.addSql(`create index "entitlements_order_id_index" on "entitlements" ("order_id");`);
    this.addSql(
      `alter table "entitlements" add constraint "entitlements_status_check" check ("status" in ('active', 'revoked', 'expired'));`,
    );

    this.addSql(
      `create table "ledger_entries" ("id" uuid not null, "tenant_id" uuid not null, "transaction_id" uuid not null, "creator_id" uuid null, "order_id" uuid null, "payout_id" uuid null, "account" text not null, "amount_minor" int not null, "currency" char(3) not null, "kind" text not null, "available_at" timestamptz null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "ledger_entries_tenant_id_index" on "ledger_entries" ("tenant_id");`);
    this.addSql(`create index "ledger_entries_transaction_id_index" on "ledger_entries" ("transaction_id");`);
    this.addSql(`create index "ledger_entries_order_id_index" on "ledger_entries" ("order_id");`);
    this.addSql(`create index "ledger_entries_payout_id_index" on "ledger_entries" ("payout_id");`);
    this.addSql(
      `create index "ledger_entries_tenant_id_creator_id_account_index" on "ledger_entries" ("tenant_id", "creator_id", "account");`,
    );
    this.addSql(
      `alter table "ledger_entries" add constraint "ledger_entries_account_check" check ("account" in ('creator_pending', 'creator_available', 'platform_revenue', 'processor_fees', 'clearing'));`,
    );
    this.addSql(
      `alter table "ledger_entries" add constraint "ledger_entries_kind_check" check ("kind" in ('sale', 'platform_fee', 'processor_fee', 'refund', 'release', 'payout', 'reversal'));`,
    );

    this.addSql(
      `create table "orders" ("id" uuid not null, "tenant_id" uuid not null, "buyer_user_id" uuid null, "buyer_email" varchar(255) not null, "status" text not null default 'pending', "currency" char(3) not null, "subtotal_minor" int not null, "discount_minor" int not null default 0, "tax_minor" int not null default 0, "total_minor" int not null, "country" char(2) not null, "invoice_number" varchar(255) null, "idempotency_key" varchar(255) not null, "workflow_id" varchar(255) not null, "created_at" timestamptz not null, "paid_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "orders_tenant_id_index" on "orders" ("tenant_id");`);
    this.addSql(`create index "orders_buyer_user_id_index" on "orders" ("buyer_user_id");`);
    this.addSql(
      `alter table "orders" add constraint "orders_tenant_id_idempotency_key_unique" unique ("tenant_id", "idempotency_key");`,
    );
    this.addSql(
      `alter table "orders" add constraint "orders_status_check" check ("status" in ('pending', 'awaiting_payment', 'paid', 'expired', 'failed', 'refunded', 'partially_refunded', 'disputed'));`,
    );

    this.addSql(
      `create table "order_lines" ("id" uuid not null, "tenant_id" uuid not null, "order_id" uuid not null, "product_id" uuid not null, "quantity" int not null default 1, "unit_amount_minor" int not null, "discount_minor" int not null default 0, "tax_minor" int not null default 0, "total_minor" int not null, primary key ("id"));`,
    );
    this.addSql(`create index "order_lines_tenant_id_index" on "order_lines" ("tenant_id");`);
    this.addSql(`create index "order_lines_order_id_index" on "order_lines" ("order_id");`);
    this.addSql(`create index "order_lines_product_id_index" on "order_lines" ("product_id");`);

    this.addSql(
      `create table "payments" ("id" uuid not null, "tenant_id" uuid not null, "order_id" uuid not null, "provider" text not null default 'stripe', "provider_payment_id" varchar(255) not null, "status" text not null, "amount_minor" int not null, "currency" char(3) not null, "fee_minor" int null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "payments_tenant_id_index" on "payments" ("tenant_id");`);
    this.addSql(`create index "payments_order_id_index" on "payments" ("order_id");`);
    this.addSql(
      `alter table "payments" add constraint "payments_provider_payment_id_unique" unique ("provider_payment_id");`,
    );
    this.addSql(`alter table "payments" add constraint "payments_provider_check" check ("provider" in ('stripe'));`);
    this.addSql(
      `alter table "payments" add constraint "payments_status_check" check ("status" in ('requires_payment_method', 'requires_action', 'processing', 'succeeded', 'canceled', 'failed', 'refunded', 'partially_refunded', 'disputed'));`,
    );

    this.addSql(
      `create table "payouts" ("id" uuid not null, "tenant_id" uuid not null, "creator_id" uuid not null, "amount_minor" int not null, "currency" char(3) not null, "status" text not null default 'scheduled', "provider_transfer_id" varchar(255) null, "period_start" timestamptz not null, "period_end" timestamptz not null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "payouts_tenant_id_index" on "payouts" ("tenant_id");`);
    this.addSql(`create index "payouts_creator_id_index" on "payouts" ("creator_id");`);
    this.addSql(
      `alter table "payouts" add constraint "payouts_status_check" check ("status" in ('scheduled', 'in_transit', 'paid', 'failed'));`,
    );

    this.addSql(
      `create table "prices" ("id" uuid not null, "tenant_id" uuid not null, "product_id" uuid not null, "currency" char(3) not null, "region" varchar(8) not null, "amount_minor" int not null, "tax_inclusive" boolean not null default false, primary key ("id"));`,
    );
    this.addSql(`create index "prices_tenant_id_index" on "prices" ("tenant_id");`);
    this.addSql(`create index "prices_product_id_index" on "prices" ("product_id");`);
    this.addSql(
      `alter table "prices" add constraint "prices_product_id_currency_region_unique" unique ("product_id", "currency", "region");`,
    );

    this.addSql(
      `create table "products" ("id" uuid not null, "tenant_id" uuid not null, "work_id" uuid null, "creator_id" uuid not null, "kind" text not null, "media_type" text not null, "title" varchar(255) not null, "slug" varchar(255) not null, "description" text not null default '', "status" text not null default 'draft', "download_limit" int not null default 5, "device_limit" int not null default 3, "token_amount" int null, "subscription_interval" text null, "eula_version" varchar(255) not null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "products_tenant_id_index" on "products" ("tenant_id");`);
    this.addSql(`create index "products_work_id_index" on "products" ("work_id");`);
    this.addSql(`create index "products_creator_id_index" on "products" ("creator_id");`);
    this.addSql(`alter table "products" add constraint "products_tenant_id_slug_unique" unique ("tenant_id", "slug");`);
    this.addSql(
      `alter table "products" add constraint "products_kind_check" check ("kind" in ('digital', 'token_pack', 'subscription'));`,
    );
    this.addSql(
      `alter table "products" add constraint "products_media_type_check" check ("media_type" in ('music', 'ebook', 'video', 'podcast', 'tokens', 'membership'));`,
    );
    this.addSql(
      `alter table "products" add constraint "products_status_check" check ("status" in ('draft', 'active', 'archived', 'blocked'));`,
    );
    this.addSql(
      `alter table "products" add constraint "products_subscription_interval_check" check ("subscription_interval" in ('month', 'year'));`,
    );

    this.addSql(
      `create table "takedown_cases" ("id" uuid not null, "tenant_id" uuid not null, "product_id" uuid null, "asset_id" uuid null, "status" text not null default 'received', "complainant" jsonb not null, "notice" jsonb not null, "counter_notice" jsonb null, "workflow_id" varchar(255) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "takedown_cases_tenant_id_index" on "takedown_cases" ("tenant_id");`);
    this.addSql(`create index "takedown_cases_product_id_index" on "takedown_cases" ("product_id");`);
    this.addSql(
      `alter table "takedown_cases" add constraint "takedown_cases_status_check" check ("status" in ('received', 'rejected', 'under_review', 'taken_down', 'counter_noticed', 'restored', 'court_action', 'closed'));`,
    );

    this.addSql(
      `create table "tenants" ("id" uuid not null, "handle" varchar(40) not null, "name" varchar(255) not null, "status" text not null default 'active', "default_currency" char(3) not null, "default_locale" varchar(16) not null, "platform_fee_bps" int not null default 1000, "theme" jsonb not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`alter table "tenants" add constraint "tenants_handle_unique" unique ("handle");`);
    this.addSql(
      `alter table "tenants" add constraint "tenants_status_check" check ("status" in ('active', 'suspended'));`,
    );

    this.addSql(
      `create table "users" ("id" uuid not null, "email" varchar(255) not null, "display_name" varchar(255) not null, "roles" text[] not null default '{}', "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`alter table "users" add constraint "users_email_unique" unique ("email");`);

    this.addSql(
      `create table "works" ("id" uuid not null, "tenant_id" uuid not null, "creator_id" uuid not null, "kind" text not null, "title" varchar(255) not null, "slug" varchar(255) not null, "description" text not null default '', "genre" varchar(255) not null default '', "tags" text[] not null default '{}', "release_year" smallint null, "cover_asset_id" uuid null, "status" text not null default 'draft', "published_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "works_tenant_id_index" on "works" ("tenant_id");`);
    this.addSql(`create index "works_creator_id_index" on "works" ("creator_id");`);
    this.addSql(`alter table "works" add constraint "works_tenant_id_slug_unique" unique ("tenant_id", "slug");`);
    this.addSql(
      `alter table "works" add constraint "works_kind_check" check ("kind" in ('album', 'single', 'book', 'video', 'podcast_series'));`,
    );
    this.addSql(
      `alter table "works" add constraint "works_status_check" check ("status" in ('draft', 'published', 'blocked'));`,
    );

    this.addSql(
      `alter table "order_lines" add constraint "order_lines_order_id_foreign" foreign key ("order_id") references "orders" ("id") on delete cascade;`,
    );
  }
}
