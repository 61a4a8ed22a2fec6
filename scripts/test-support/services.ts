import { TestWorkflowEnvironment } from '@temporalio/testing';
import { FANFARE_SEARCH_ATTRIBUTES } from '@fanfare/contracts';
import { createScratchDatabase } from './scratch-database.js';
import { startStripeMock } from './stripe-mock.js';
import { toolPath } from './tools.js';

/** The real servers a test run or a benchmark needs, each on a free port of its own. */
export interface TestServices {
  databaseUrl: string;
  temporalAddress: string;
  temporalNamespace: string;
  stripeApiBase: string;
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
 * Starts, in parallel, a Temporal dev server with our search attributes, a migrated scratch
 * PostgreSQL database and stripe-mock.
 */
export async function startTestServices(options: { temporalStorage?: TemporalStorage } = {}): Promise<TestServices> {
  const storage = options.temporalStorage;
  const [temporal, database, stripe] = await Promise.all([
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
    createScratchDatabase(),
    startStripeMock(),
  ]);
  return {
    databaseUrl: database.url,
    temporalAddress: temporal.address,
    temporalNamespace: temporal.namespace ?? 'default',
    stripeApiBase: stripe.apiBase,
    stop: async () => {
      await Promise.allSettled([temporal.teardown(), database.drop(), stripe.stop()]);
    },
  };
}
