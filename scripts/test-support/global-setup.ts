import './provided.js';
import type { TestProject } from 'vitest/node';
import { startTestServices } from './services.js';

/**
 * Starts what every integration test needs, once per run: a real Temporal dev server on free
 * ports (with our search attributes), a real, migrated PostgreSQL database of its own (on an
 * embedded server when the machine has none), stripe-mock for the `stripe` SDK, and Mailpit for mail.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const services = await startTestServices();
  project.provide('databaseUrl', services.databaseUrl);
  project.provide('databaseServerUrl', services.databaseServerUrl);
  project.provide('temporalAddress', services.temporalAddress);
  project.provide('temporalNamespace', services.temporalNamespace);
  project.provide('stripeApiBase', services.stripeApiBase);
  project.provide('smtpUrl', services.smtpUrl);
  project.provide('mailpitApiBase', services.mailpitApiBase);
  return services.stop;
}
