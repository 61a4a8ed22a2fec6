import { rmSync } from 'node:fs';
import path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { repoRoot } from '@fanfare/config';
import { FANFARE_SEARCH_ATTRIBUTES } from '@fanfare/contracts';
import { chooseDatabaseServer, type DatabaseServer } from '../dev/database.js';
import { createScratchDatabase } from './scratch-database.js';
import { startStripeMock } from './stripe-mock.js';
import { startMailpit } from './mailpit.js';
import { toolPath } from './tools.js';

/** The real servers a test run or a benchmark needs, each on a free port of its own. */
export interface TestServices {
  databaseUrl: string;
  /** The server holding that database (its `postgres` database), for tests that make databases of their own. */
  databaseServerUrl: string;
  temporalAddress: string;
  temporalNamespace: string;
  stripeApiBase: string;
  /** Mailpit's SMTP URL and the base of its REST API. */
  smtpUrl: string;
  mailpitApiBase: string;
  /** Stops the servers and drops the scratch database; never throws. */
  stop(): Promise<void>;
}

/** How the dev server keeps its state: in memory (the default), or in a SQLite file with these pragmas. */
export interface TemporalStorage {
  dbFilename: string;
  /** `name=value` pairs passed as `--sqlite-pragma`. */
  sqlitePragmas: string[];
}

/**
 * The PostgreSQL server of a test run: TEST_DATABASE_URL's or DATABASE_URL's when set, else the
 * machine's, else an embedded one with its cluster under `.data/` (this run's own, removed by `stop()`).
 */
export async function testDatabaseServer(): Promise<DatabaseServer> {
  const clusterDir = path.join(repoRoot, '.data', 'test-postgres', `run-${process.pid}`);
  const server = await chooseDatabaseServer({
    env: process.env,
    explicitUrl: process.env.TEST_DATABASE_URL || process.env.DATABASE_URL,
    clusterDir,
  });
  if (server.source !== 'embedded') return server;
  return {
    ...server,
    stop: async () => {
      await server.stop();
      rmSync(clusterDir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts, in parallel, a Temporal dev server with our search attributes, a migrated scratch
 * PostgreSQL database (on the server `testDatabaseServer` chooses), stripe-mock and Mailpit.
 */
export async function startTestServices(options: { temporalStorage?: TemporalStorage } = {}): Promise<TestServices> {
  const storage = options.temporalStorage;
  const server = await testDatabaseServer();
  const [temporal, database, stripe, mailpit] = await Promise.all([
    TestWorkflowEnvironment.createLocal({
      server: {
        executable: { type: 'existing-path', path: toolPath('temporal') },
        ip: '127.0.0.1',
        ...(storage === undefined
          ? {}
          : {
              dbFilename: storage.dbFilename,
              extraArgs: storage.sqlitePragmas.flatMap((pragma) => ['--sqlite-pragma', pragma]),
            }),
        searchAttributes: [...FANFARE_SEARCH_ATTRIBUTES],
        log: { format: 'pretty', level: 'error' },
      },
    }),
    createScratchDatabase(server.url('postgres')),
    startStripeMock(),
    startMailpit(),
  ]);
  return {
    databaseUrl: database.url,
    databaseServerUrl: server.url('postgres'),
    temporalAddress: temporal.address,
    temporalNamespace: temporal.namespace ?? 'default',
    stripeApiBase: stripe.apiBase,
    smtpUrl: mailpit.smtpUrl,
    mailpitApiBase: mailpit.apiBase,
    stop: async () => {
      await Promise.allSettled([
        temporal.teardown(),
        database.drop().finally(server.stop),
        stripe.stop(),
        mailpit.stop(),
      ]);
    },
  };
}
