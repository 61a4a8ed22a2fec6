import { randomBytes, randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import '../../scripts/test-support/provided.js';
import {
  createOrm,
  forPlatform,
  forTenant,
  Creator,
  Domain,
  Order,
  Product,
  Tenant,
  type EntityManager,
  type MikroORM,
} from '../src/index.js';

/** A handle no other test file will pick, since all share one scratch database. */
export function uniqueHandle(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

/** An ORM on the run's migrated scratch database. */
export function openOrm(): Promise<MikroORM> {
  return createOrm(inject('databaseUrl'));
}

/** Ids of one tenant's sample rows. */
export interface SampleTenant {
  tenant: Tenant;
  creatorId: string;
  productId: string;
  orderId: string;
  domainId: string;
  hostname: string;
}

/** A tenant with a creator, a product, an order and a custom domain, stored. */
export async function createSampleTenant(em: EntityManager, prefix: string): Promise<SampleTenant> {
  const handle = uniqueHandle(prefix);
  const tenant = forPlatform(em).create(Tenant, {
    handle,
    name: `Tenant ${handle}`,
    defaultCurrency: 'USD',
    defaultLocale: 'en-US',
    theme: { primaryColor: '#112233', accentColor: '#445566' },
  });
  await em.fork().persist(tenant).flush();
  const scoped = forTenant(em, tenant.id);
  const creator = scoped.create(Creator, { userId: randomUUID(), displayName: 'Sample', slug: 'sample' });
  const product = scoped.create(Product, {
    creatorId: creator.id,
    kind: 'digital',
    mediaType: 'music',
    title: 'Sample track',
    slug: 'sample-track',
    eulaVersion: '2026-01',
  });
  const order = scoped.create(Order, {
    buyerEmail: 'Buyer@Example.com',
    currency: 'USD',
    subtotalMinor: 999,
    totalMinor: 999,
    country: 'US',
    idempotencyKey: randomUUID(),
    workflowId: `checkout-${randomUUID()}`,
  });
  const hostname = `${handle}.example.com`;
  const domain = scoped.create(Domain, { hostname, verificationToken: randomUUID() });
  await scoped.flush();
  return { tenant, creatorId: creator.id, productId: product.id, orderId: order.id, domainId: domain.id, hostname };
}
