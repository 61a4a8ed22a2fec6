import { Migration } from '@mikro-orm/migrations';

export class Migration20261207031319_memberships extends Migration {
  override name = 'Migration20261207031319_memberships';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "memberships" ("id" uuid not null, "user_id" uuid not null, "tenant_id" uuid null, "role" varchar(20) not null, "granted_by" varchar(255) not null, "granted_at" timestamptz not null, "revoked_at" timestamptz null, "revoked_by" varchar(255) null, primary key ("id"));`,
    );
    this.addSql(`create index "memberships_user_id_revoked_at_index" on "memberships" ("user_id", "revoked_at");`);
    this.addSql(`create index "memberships_tenant_id_revoked_at_index" on "memberships" ("tenant_id", "revoked_at");`);
    this.addSql(
      `create unique index "memberships_active_unique" on "memberships" ("user_id", coalesce("tenant_id", '00000000-0000-0000-0000-000000000000'), "role") where "revoked_at" is null;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "memberships" cascade;`);
  }
}
