import path from 'node:path';
import pg from 'pg';
import { DEFAULT_POSTGRES_ADDRESS } from '../bootstrap-checks.mjs';
import { startEmbeddedPostgres } from './embedded-postgres.js';

/** The PostgreSQL server a run uses, and how it came to be chosen. */
export interface DatabaseServer {
  /** `explicit`: the URL the user set; `machine`: the one answering at the default address; `embedded`: ours. */
  source: 'explicit' | 'machine' | 'embedded';
  /** A URL for `database` on this server (for `explicit`, the set URL with only the database changed). */
  url(database: string): string;
  /** The product's own database: the set URL as it is, else `fanfare` on the chosen server. */
  productUrl: string;
  /** One line for the start banner. */
  description: string;
  /** Stops the server when it is ours; never throws. */
  stop(): Promise<void>;
}

/** Why the machine's PostgreSQL at `address` cannot be used, or undefined when it can. */
async function machineRefusal(address: string): Promise<string | undefined> {
  const client = new pg.Client({
    connectionString: `postgres://postgres@${address}/postgres`,
    connectionTimeoutMillis: 3000,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    return undefined;
  } catch (error) {
    const code = (error as { code?: string }).code;
    return code === 'ECONNREFUSED' || code === undefined
      ? `nothing answers at ${address}`
      : `PostgreSQL at ${address} refused: ${(error as Error).message}`;
  } finally {
    await client.end().catch(() => {});
  }
}

/** The product's database name on a server we chose (the default `DATABASE_URL`'s). */
const PRODUCT_DATABASE = 'fanfare';

/** `dir` relative to the working folder when it lies inside it, else as it is. */
function shortPath(dir: string): string {
  const relative = path.relative(process.cwd(), dir);
  return relative === '' || relative.startsWith('..') ? dir : relative;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * Chooses the PostgreSQL server of a local run. A set `explicitUrl` (DATABASE_URL, or
 * TEST_DATABASE_URL for tests) is always used as it is. Otherwise the machine's server at
 * FANFARE_POSTGRES_ADDRESS (default 127.0.0.1:5432) when it lets `postgres` in, else a real
 * embedded PostgreSQL started now with its cluster in `clusterDir` and stopped by `stop()`.
 */
export async function chooseDatabaseServer(options: {
  env: NodeJS.ProcessEnv;
  explicitUrl: string | undefined;
  clusterDir: string;
}): Promise<DatabaseServer> {
  const { env, explicitUrl, clusterDir } = options;
  if (explicitUrl !== undefined && explicitUrl !== '') {
    const shown = new URL(explicitUrl);
    shown.password = shown.password === '' ? '' : '***';
    return {
      source: 'explicit',
      url: (database) => withDatabase(explicitUrl, database),
      productUrl: explicitUrl,
      description: `${shown.toString()} (as set)`,
      stop: async () => {},
    };
  }
  const address = env.FANFARE_POSTGRES_ADDRESS || DEFAULT_POSTGRES_ADDRESS;
  const refusal = await machineRefusal(address);
  if (refusal === undefined) {
    return {
      source: 'machine',
      url: (database) => `postgres://postgres@${address}/${database}`,
      productUrl: `postgres://postgres@${address}/${PRODUCT_DATABASE}`,
      description: `the machine's PostgreSQL at ${address}`,
      stop: async () => {},
    };
  }
  const server = await startEmbeddedPostgres(clusterDir);
  return {
    source: 'embedded',
    url: server.url,
    productUrl: server.url(PRODUCT_DATABASE),
    description: `embedded PostgreSQL 18 at 127.0.0.1:${server.port}, data in ${shortPath(server.dir)} (${refusal})`,
    stop: server.stop,
  };
}
