import './provided.js';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { TestProject } from 'vitest/node';
import { FANFARE_SEARCH_ATTRIBUTES } from '@fanfare/workflows';
import { toolPath } from './tools.js';
import { createScratchDatabase } from './scratch-database.js';
import { startStripeMock } from './stripe-mock.js';

/**
 * Starts what every integration test needs, once per run: a real Temporal dev server on free
 * ports (with our search attributes), a real, migrated PostgreSQL database of its own, and
 * stripe-mock for the `stripe` SDK.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [temporal, database, stripe] = await Promise.all([
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
  ]);
  project.provide('databaseUrl', database.url);
  project.provide('temporalAddress', temporal.address);
  project.provide('temporalNamespace', temporal.namespace ?? 'default');
  project.provide('stripeApiBase', stripe.apiBase);
  return async () => {
    await Promise.allSettled([temporal.teardown(), database.drop(), stripe.stop()]);
  };
}
