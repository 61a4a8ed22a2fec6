import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import '../../../scripts/test-support/provided.js';
import { loadConfig, type Env, type FanfareConfig } from '@fanfare/config';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { enforceResponseContract } from './response-contract.js';

/** One data directory per test file: the dev issuer's key lives there. */
const dataDir = mkdtempSync(path.join(tmpdir(), 'fanfare-api-test-'));

/** The platform domain every test app serves storefronts under. */
const PLATFORM_DOMAIN = 'shops.test';

/**
 * Configuration pointing at the run's scratch database and Temporal server, with the local
 * issuer on; `overrides` are environment variables, so they go through the real validation.
 */
export function testConfig(overrides: Env = {}): FanfareConfig {
  return loadConfig({
    FANFARE_ENV: 'test',
    LOG_LEVEL: 'silent',
    FANFARE_DATA_DIR: dataDir,
    DATABASE_URL: inject('databaseUrl'),
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    TEMPORAL_NAMESPACE: inject('temporalNamespace'),
    PLATFORM_DOMAIN,
    AUTH_DEV_ISSUER: 'true',
    ...overrides,
  });
}

/**
 * An app on {@link testConfig}, with tenant caching off so every request reads the database,
 * whose every answer is held to its route's documented response schema.
 */
export async function buildTestApp(overrides: Env = {}): Promise<FastifyInstance> {
  const app = await buildApp({ config: testConfig(overrides), tenantCacheTtlMs: 0 });
  enforceResponseContract(app);
  return app;
}

/** The Host header of a storefront under the test platform domain. */
export function storefrontHost(handle: string): string {
  return `${handle}.${PLATFORM_DOMAIN}`;
}
