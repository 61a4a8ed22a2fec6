import { TestWorkflowEnvironment } from '@temporalio/testing';
import { FANFARE_SEARCH_ATTRIBUTES } from '@fanfare/workflows';
import { createScratchDatabase } from './scratch-database.js';
import { startStripeMock } from './stripe-mock.js';
import { startMailpit } from './mailpit.js';
import { toolPath } from './tools.js';

/** The real servers a test run or a benchmark needs, each on a free port of its own. */
export interface TestServices {
  databaseUrl: string;
  temporalAddress: string;
  temporalNamespace: string;
  stripeApiBase: string;
  /** Mailpit's SMTP URL and the base of its REST API. */
  smtpUrl: string;
  mailpitApiBase: string;
  /** Stops the servers and drops the scratch database; never throws. */
  stop(): Promise<void>;
}

/**
 * Starts, in parallel, a Temporal dev server with our search attributes, a migrated scratch
 * PostgreSQL database, stripe-mock and Mailpit.
 */
export async function startTestServices(): Promise<TestServices> {
  const [temporal, database, stripe, mailpit] = await Promise.all([
    TestWorkflowEnvironment.createLocal({
      server: {
        executable: { type: 'existing-path', path: toolPath('temporal') },
        ip: '127.0.0.1',
        searchAttributes: [...FANFARE_SEARCH_ATTRIBUTES],
        log: { format: 'pretty', level: 'error' },
      },
    }),
    createScratchDatabase(),
    startStripeMock(),
    startMailpit(),
  ]);
  return {
    databaseUrl: database.url,
    temporalAddress: temporal.address,
    temporalNamespace: temporal.namespace ?? 'default',
    stripeApiBase: stripe.apiBase,
    smtpUrl: mailpit.smtpUrl,
    mailpitApiBase: mailpit.apiBase,
    stop: async () => {
      await Promise.allSettled([temporal.teardown(), database.drop(), stripe.stop(), mailpit.stop()]);
    },
  };
}
