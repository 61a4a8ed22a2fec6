import { randomBytes, randomUUID } from 'node:crypto';
import { Domain, forPlatform, forTenant, Price, Product, Tenant, type EntityManager, type MikroORM } from '@fanfare/db';

/** A handle no other test file will pick, since all share one scratch database. */
export function uniqueHandle(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

/** What a test needs to know about one product it stored. */
export interface StoredProduct {
  id: string;
  slug: string;
  mediaType: Product['mediaType'];
}

/** Options of {@link createTenant}. */
export interface TenantSeed {
  prefix: string;
  status?: Tenant['status'];
}

/** A stored tenant with a handle unique to this run. */
export async function createTenant(orm: MikroORM, seed: TenantSeed): Promise<Tenant> {
  const em = forPlatform(orm.em);
  const handle = uniqueHandle(seed.prefix);
  const tenant = em.create(Tenant, {
    handle,
    name: `Shop ${handle}`,
    status: seed.status ?? 'active',
    defaultCurrency: 'EUR',
    defaultLocale: 'fr-FR',
    theme: { primaryColor: '#101010', accentColor: '#ff5500' },
  });
  await em.flush();
  return tenant;
}

/** Stores products (each with a USD and an EUR price) in `tenantId`, one millisecond apart. */
export async function createProducts(
  orm: MikroORM,
  tenantId: string,
  specs: ReadonlyArray<{ slug: string; mediaType?: Product['mediaType']; status?: Product['status'] }>,
): Promise<StoredProduct[]> {
  const em: EntityManager = forTenant(orm.em, tenantId);
  const creatorId = randomUUID();
  const start = Date.now() - specs.length * 1000;
  const stored = specs.map((spec, index) => {
    const product = em.create(Product, {
      creatorId,
      kind: 'digital',
      mediaType: spec.mediaType ?? 'music',
      title: `Title of ${spec.slug}`,
      slug: spec.slug,
      status: spec.status ?? 'active',
      eulaVersion: '2026-01',
      createdAt: new Date(start + index * 1000),
    });
    em.create(Price, { productId: product.id, currency: 'USD', region: 'US', amountMinor: 999 });
    em.create(Price, { productId: product.id, currency: 'EUR', region: 'EU', amountMinor: 899, taxInclusive: true });
    return { id: product.id, slug: product.slug, mediaType: product.mediaType };
  });
  await em.flush();
  return stored;
}

/** Stores a custom domain for `tenantId` in the given provisioning state. */
export async function createDomain(
  orm: MikroORM,
  tenantId: string,
  hostname: string,
  status: Domain['status'],
  verified: boolean,
): Promise<void> {
  const em = forTenant(orm.em, tenantId);
  em.create(Domain, { hostname, status, verificationToken: randomUUID(), verifiedAt: verified ? new Date() : null });
  await em.flush();
}
