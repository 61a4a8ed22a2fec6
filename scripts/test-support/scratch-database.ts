import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrateToLatest } from '@fanfare/db';

/** A database made for one test run. */
export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

async function onMaintenanceDb<T>(server: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = new URL(server);
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
 * Creates `fanfare_test_<random>` on the server of the URL `server`, migrates it to the latest
 * schema and returns its URL; `drop()` removes it even while connections linger.
 */
export async function createScratchDatabase(server: string): Promise<ScratchDatabase> {
  const name = `fanfare_test_${randomBytes(4).toString('hex')}`;
  await onMaintenanceDb(server, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(server);
  url.pathname = `/${name}`;
  await migrateToLatest(url.toString());
  return {
    url: url.toString(),
    drop: () =>
      onMaintenanceDb(server, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}
