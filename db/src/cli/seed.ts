import { loadConfig } from '@fanfare/config';
import { createBlobStore } from '@fanfare/storage';
import { ensureDatabase, migrateToLatest } from '../migrate.js';
import { createOrm } from '../orm.js';
import { seedDemoCatalog } from '../seeders/index.js';

/**
 * `pnpm db:seed`: brings the configured database up to date, then seeds the demo catalog with
 * its files in the configured blob store. Safe to run again.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  await ensureDatabase(config.databaseUrl);
  for (const name of await migrateToLatest(config.databaseUrl)) console.log(`applied ${name}`);
  const orm = await createOrm(config.databaseUrl);
  const started = performance.now();
  try {
    const summary = await seedDemoCatalog({
      em: orm.em,
      blobs: createBlobStore(config.blobs),
      ffmpegPath: config.media.ffmpegPath,
      log: (line) => console.log(line),
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `demo catalog: ${summary.tenants} tenants, ${summary.users} users, ${summary.creators} creators, ` +
        `${summary.works} works, ${summary.products} products, ${summary.prices} prices, ${summary.assets} assets ` +
        `(${summary.filesWritten} files written) in ${seconds} s`,
    );
    for (const [handle, id] of Object.entries(summary.tenantIds)) console.log(`  ${handle}: ${id}`);
  } finally {
    await orm.close(true);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
