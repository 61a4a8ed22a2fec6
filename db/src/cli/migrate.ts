import { loadConfig } from '@fanfare/config';
import { ensureDatabase, migrateToLatest } from '../migrate.js';

/** `pnpm db:migrate`: creates the configured database if needed and applies pending migrations. */
async function main(): Promise<void> {
  const { databaseUrl } = loadConfig();
  const target = new URL(databaseUrl);
  const where = `${target.host}${target.pathname}`;
  if (await ensureDatabase(databaseUrl)) console.log(`created database ${where}`);
  const applied = await migrateToLatest(databaseUrl);
  if (applied.length === 0) console.log(`${where} is up to date`);
  for (const name of applied) console.log(`applied ${name}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
