import { Migration } from '@mikro-orm/migrations';

export class Migration20261207030240_oidc_payloads extends Migration {
  override name = 'Migration20261207030240_oidc_payloads';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "oidc_payloads" ("model" varchar(40) not null, "id" varchar(200) not null, "payload" jsonb not null, "grant_id" varchar(200) null, "uid" varchar(200) null, "user_code" varchar(200) null, "expires_at" timestamptz null, "consumed_at" timestamptz null, primary key ("model", "id"));`,
    );
    this.addSql(`create index "oidc_payloads_expires_at_index" on "oidc_payloads" ("expires_at");`);
    this.addSql(`create index "oidc_payloads_grant_id_index" on "oidc_payloads" ("grant_id");`);
    this.addSql(`create index "oidc_payloads_uid_index" on "oidc_payloads" ("uid");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "oidc_payloads" cascade;`);
  }
}
