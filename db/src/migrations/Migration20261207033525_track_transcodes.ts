import { Migration } from '@mikro-orm/migrations';

/**
 * The transcode state of each audio original (issue #13): draft → processing → ready | failed |
 * blocked, with the rendered keys once ready. One row per asset, so a retried start finds it.
 */
export class Migration20261207033525_track_transcodes extends Migration {
  override name = 'Migration20261207033525_track_transcodes';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "track_transcodes" ("id" uuid not null, "tenant_id" uuid not null, "asset_id" uuid not null, "status" text not null default 'draft', "reason" varchar(255) null, "message" text null, "preset_version" int null, "duration_ms" int null, "manifest" jsonb null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "track_transcodes_tenant_id_index" on "track_transcodes" ("tenant_id");`);
    this.addSql(
      `alter table "track_transcodes" add constraint "track_transcodes_asset_id_unique" unique ("asset_id");`,
    );

    this.addSql(
      `alter table "track_transcodes" add constraint "track_transcodes_status_check" check ("status" in ('draft', 'processing', 'ready', 'failed', 'blocked'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "track_transcodes" cascade;`);
  }
}
