import { Migration } from '@mikro-orm/migrations';

export class Migration20261207023017_mail extends Migration {
  override name = 'Migration20261207023017_mail';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "mail_deliveries" ("idempotency_key" varchar(200) not null, "kind" varchar(40) not null, "recipient" varchar(255) not null, "locale" varchar(16) not null, "tenant_id" uuid null, "status" text not null, "message_id" varchar(255) not null, "provider_message_id" varchar(255) null, "created_at" timestamptz not null, "sent_at" timestamptz null, primary key ("idempotency_key"));`,
    );
    this.addSql(`create index "mail_deliveries_recipient_index" on "mail_deliveries" ("recipient");`);
    this.addSql(`create index "mail_deliveries_tenant_id_index" on "mail_deliveries" ("tenant_id");`);

    this.addSql(
      `create table "mail_suppressions" ("email" varchar(255) not null, "reason" text not null, "detail" varchar(255) null, "source_id" varchar(255) null, "created_at" timestamptz not null, primary key ("email"));`,
    );

    this.addSql(
      `alter table "mail_deliveries" add constraint "mail_deliveries_status_check" check ("status" in ('sent', 'suppressed'));`,
    );

    this.addSql(
      `alter table "mail_suppressions" add constraint "mail_suppressions_reason_check" check ("reason" in ('bounce', 'complaint', 'manual'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "mail_deliveries" cascade;`);
    this.addSql(`drop table if exists "mail_suppressions" cascade;`);
  }
}
