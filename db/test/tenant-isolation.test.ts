import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CrossTenantWriteError, Domain, forPlatform, forTenant, Order, Product, type MikroORM } from '../src/index.js';
import { createSampleTenant, openOrm, type SampleTenant } from './fixtures.js';

let orm: MikroORM;
let a: SampleTenant;
let b: SampleTenant;

beforeAll(async () => {
  orm = await openOrm();
  a = await createSampleTenant(orm.em, 'iso-a');
  b = await createSampleTenant(orm.em, 'iso-b');
});
afterAll(() => orm.close(true));

describe('tenant filter', () => {
  it('fills tenantId from the fork that creates the entity', async () => {
    const product = await forPlatform(orm.em).findOneOrFail(Product, a.productId);
    expect(product.tenantId).toBe(a.tenant.id);
  });

  it("lets tenant A see its own rows and none of tenant B's, even by id", async () => {
    const em = forTenant(orm.em, a.tenant.id);
    expect(await em.findOne(Product, a.productId)).not.toBeNull();
    expect(await em.findOne(Product, b.productId)).toBeNull();
    expect(await em.findOne(Order, b.orderId)).toBeNull();
    expect(await em.findOne(Domain, b.domainId)).toBeNull();
    expect(await em.findOne(Domain, { hostname: b.hostname })).toBeNull();
    await expect(em.findOneOrFail(Order, b.orderId)).rejects.toThrow();
  });

  it('counts and lists only the scoped tenant', async () => {
    const em = forTenant(orm.em, a.tenant.id);
    const expectOnlyTenantA = async (rows: { tenantId: string }[], count: number) => {
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((row) => row.tenantId === a.tenant.id)).toBe(true);
      expect(count).toBe(rows.length);
    };
    await expectOnlyTenantA(await em.find(Product, {}), await em.count(Product, {}));
    await expectOnlyTenantA(await em.find(Order, {}), await em.count(Order, {}));
    await expectOnlyTenantA(await em.find(Domain, {}), await em.count(Domain, {}));
    expect(await em.count(Product, { id: [a.productId, b.productId] })).toBe(1);
  });

  it('keeps native updates and deletes inside the tenant', async () => {
    const em = forTenant(orm.em, a.tenant.id);
    expect(await em.nativeUpdate(Product, { id: b.productId }, { title: 'hijacked' })).toBe(0);
    expect(await em.nativeDelete(Order, { id: b.orderId })).toBe(0);
    const product = await forPlatform(orm.em).findOneOrFail(Product, b.productId);
    expect(product.title).toBe('Sample track');
  });

  it('fails loudly when a query names no tenant', async () => {
    const em = orm.em.fork();
    await expect(em.find(Product, {})).rejects.toThrow(/tenant/);
    await expect(em.findOne(Order, a.orderId)).rejects.toThrow(/tenant/);
    await expect(em.count(Domain, {})).rejects.toThrow(/tenant/);
  });

  it('fails loudly when an entity is created with no tenant in scope', async () => {
    const data = {
      creatorId: a.creatorId,
      kind: 'digital',
      mediaType: 'music',
      title: 'Orphan',
      slug: 'orphan',
      eulaVersion: '1',
    } as const;
    expect(() => orm.em.fork().create(Product, data)).toThrow(/tenant/);
    expect(() => forPlatform(orm.em).create(Product, data)).toThrow(/tenant/);
  });

  it('lets the platform scope see every tenant', async () => {
    const em = forPlatform(orm.em);
    const products = await em.find(Product, { id: [a.productId, b.productId] });
    expect(products.map((p) => p.tenantId).sort()).toEqual([a.tenant.id, b.tenant.id].sort());
    expect(await em.count(Domain, { id: [a.domainId, b.domainId] })).toBe(2);
  });
});

describe('tenant write guard', () => {
  it("refuses to store a row for another tenant through a tenant's fork", async () => {
    const em = forTenant(orm.em, a.tenant.id);
    em.create(Domain, { tenantId: b.tenant.id, hostname: `x-${a.hostname}`, verificationToken: 't' });
    await expect(em.flush()).rejects.toThrow(CrossTenantWriteError);
  });

  it('refuses to move a row to another tenant', async () => {
    const em = forTenant(orm.em, a.tenant.id);
    const product = await em.findOneOrFail(Product, a.productId);
    product.tenantId = b.tenant.id;
    await expect(em.flush()).rejects.toThrow(CrossTenantWriteError);
  });

  it('refuses tenant-owned writes through an unscoped EntityManager', async () => {
    const em = orm.em.fork();
    em.create(Domain, { tenantId: a.tenant.id, hostname: `y-${a.hostname}`, verificationToken: 't' });
    await expect(em.flush()).rejects.toThrow(/tenant scope/);
  });
});

describe('scoped forks inside a transaction', () => {
  it('write in the caller’s transaction and roll back with it', async () => {
    const hostname = `rollback-${a.hostname}`;
    await expect(
      orm.em.transactional(async (tx) => {
        const em = forTenant(tx, a.tenant.id);
        em.create(Domain, { hostname, verificationToken: 't' });
        await em.flush();
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await forTenant(orm.em, a.tenant.id).count(Domain, { hostname })).toBe(0);
  });
});
