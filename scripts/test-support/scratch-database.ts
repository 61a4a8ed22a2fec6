import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrateToLatest } from '@fanfare/db';

/** A database made for one test run. */
export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** The server named by TEST_DATABASE_URL or DATABASE_URL, or the local default. */
function serverUrl(): URL {
  return new URL(
    process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/fanfare',
  );
}

async function onMaintenanceDb<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = serverUrl();
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates `fanfare_test_<random>` on the configured server, migrates it to the latest schema
 * and returns its URL; `drop()` removes it even while connections linger.
 */
export async function createScratchDatabase(): Promise<ScratchDatabase> {
  const name = `fanfare_test_${randomBytes(4).toString('hex')}`;
  await onMaintenanceDb((client) => client.query(`CREATE DATABASE ${name}`));
  const url = serverUrl();
  url.pathname = `/${name}`;
  await migrateToLatest(url.toString());
  return {
    url: url.toString(),
    drop: () =>
      onMaintenanceDb((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
