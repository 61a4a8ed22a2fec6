import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MikroORM, PostgreSqlDriver, defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { SeedManager } from '@mikro-orm/seeder';
import { entities } from './entities/index.js';
import { TenantWriteGuard } from './tenancy/tenant-write-guard.js';

/** Folder of the committed migrations and their schema snapshot. */
export const migrationsPath = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Options shared by the application, the tests and the MikroORM CLI. */
export function ormOptions(databaseUrl: string): Options {
  return defineConfig({
    driver: PostgreSqlDriver,
    clientUrl: databaseUrl,
    entities: [...entities],
    extensions: [Migrator, SeedManager],
    subscribers: [new TenantWriteGuard()],
    // Entities are defined in code, so there is nothing to scan and no reason to cache discovery.
    discovery: { warnWhenNoEntities: true },
    migrations: {
      path: migrationsPath,
      pathTs: migrationsPath,
      glob: '!(*.d).{js,ts}',
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: true,
      // One snapshot whatever database the CLI happened to point at.
      snapshotName: '.snapshot-fanfare',
      // The committed snapshot is what `migration:create` diffs against; running migrations must not rewrite it.
      snapshotOnMigrate: false,
      emit: 'ts',
      // Callers report what was applied; the migrator's own progress lines would only be noise.
      silent: true,
    },
    // The audit and ledger guard triggers live in a hand-written migration (a deferred constraint
    // trigger has no entity-metadata form); without this the schema diff would drop them.
    schemaGenerator: { ignoreTriggers: true },
    // A wrong DATABASE_URL must be reported, never answered by quietly creating an empty
    // database; creating one is the explicit job of `ensureDatabase` in the migrate command.
    ensureDatabase: false,
    debug: false,
  });
}

/**
 * Connects to `databaseUrl` with the explicit entity list and the Migrator and Seeder extensions.
 * `overrides` adjusts what differs per process (pool size, debug logging).
 */
export async function createOrm(databaseUrl: string, overrides: Partial<Options> = {}): Promise<MikroORM> {
  return MikroORM.init({ ...ormOptions(databaseUrl), ...overrides });
}
