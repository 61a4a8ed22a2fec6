import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Tenant } from '@fanfare/db';
import { tenantKeyOf } from '../src/tenancy/tenant-key.js';
import { buildTestApp, storefrontHost } from './support/test-app.js';
import { createDomain, createTenant, uniqueHandle } from './support/catalog-fixtures.js';
import { expectError } from './support/responses.js';

let app: FastifyInstance;
let devApp: FastifyInstance;
let tenant: Tenant;

beforeAll(async () => {
  app = await buildTestApp();
  devApp = await buildTestApp({ FANFARE_ENV: 'development' });
  tenant = await createTenant(app.orm, { prefix: 'tenancy' });
});
afterAll(async () => {
  await app.close();
  await devApp.close();
});

function storefront(target: FastifyInstance, headers: Record<string, string>) {
  return target.inject({ method: 'GET', url: '/v1/storefront', headers });
}

describe('tenant from the Host header', () => {
  it('<handle>.<platformDomain> (any case, with a port) names the storefront', async () => {
    const response = await storefront(app, { host: `${storefrontHost(tenant.handle).toUpperCase()}:8443` });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      handle: tenant.handle,
      name: tenant.name,
      theme: { primaryColor: '#101010', accentColor: '#ff5500' },
      defaultCurrency: 'EUR',
      defaultLocale: 'fr-FR',
    });
  });

  // Changed on purpose (issue 9): the API and the storefront edge share the domain's Host rule,
  // which admits `<handle>.localhost` everywhere but production (it was development only here).
  it('<handle>.localhost works outside production, and production refuses it', async () => {
    expect((await storefront(devApp, { host: `${tenant.handle}.localhost:3000` })).statusCode).toBe(200);
    expect((await storefront(app, { host: `${tenant.handle}.localhost:3000` })).statusCode).toBe(200);
    const production = { xTenant: undefined, platformDomain: 'shops.test', development: false, production: true };
    expect(tenantKeyOf({ ...production, host: `${tenant.handle}.localhost:3000` })).toBeUndefined();
    expect(tenantKeyOf({ ...production, host: storefrontHost(tenant.handle) })).toEqual({
      kind: 'handle',
      handle: tenant.handle,
    });
  });

  it('X-Tenant works in development only', async () => {
    const headers = { host: '127.0.0.1:3000', 'x-tenant': tenant.handle };
    expect((await storefront(devApp, headers)).json()).toMatchObject({ handle: tenant.handle });
    expectError(await storefront(app, headers), 404, 'tenant_not_found');
  });

  it('a verified custom domain names its storefront; an unverified or removed one does not', async () => {
    const verified = `${uniqueHandle('shop')}.example.org`;
    const pending = `${uniqueHandle('pending')}.example.org`;
    const removed = `${uniqueHandle('removed')}.example.org`;
    await createDomain(app.orm, tenant.id, verified, 'active', true);
    await createDomain(app.orm, tenant.id, pending, 'pending_verification', false);
    await createDomain(app.orm, tenant.id, removed, 'removed', true);
    expect((await storefront(app, { host: verified })).json()).toMatchObject({ handle: tenant.handle });
    expectError(await storefront(app, { host: pending }), 404, 'tenant_not_found');
    expectError(await storefront(app, { host: removed }), 404, 'tenant_not_found');
  });

  it('an unknown handle, an unknown domain, the bare platform domain or an IP → 404 tenant_not_found', async () => {
    for (const host of [storefrontHost(uniqueHandle('ghost')), 'unknown.example.net', 'shops.test', '10.0.0.1:3000']) {
      expectError(await storefront(app, { host }), 404, 'tenant_not_found');
    }
  });

  it('a suspended storefront is not served', async () => {
    const suspended = await createTenant(app.orm, { prefix: 'suspended', status: 'suspended' });
    expectError(await storefront(app, { host: storefrontHost(suspended.handle) }), 404, 'tenant_not_found');
  });

  it('platform routes need no tenant', async () => {
    expect(
      (await app.inject({ method: 'GET', url: '/v1/health', headers: { host: 'unknown.example.net' } })).statusCode,
    ).toBe(200);
  });

  it('believes X-Forwarded-Host only from a trusted proxy (API_TRUST_PROXY)', async () => {
    const proxied = await buildTestApp({ API_TRUST_PROXY: '127.0.0.1' });
    try {
      const headers = { host: 'internal-alb.example.net', 'x-forwarded-host': storefrontHost(tenant.handle) };
      expect((await storefront(proxied, headers)).json()).toMatchObject({ handle: tenant.handle });
      expectError(await storefront(app, headers), 404, 'tenant_not_found');
    } finally {
      await proxied.close();
    }
  });
});
