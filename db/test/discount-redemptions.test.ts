import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDomainError, quote } from '@fanfare/domain';
import {
  confirmDiscountRedemption,
  DiscountCode,
  discountUsage,
  forTenant,
  loadQuoteCatalog,
  Price,
  releaseDiscountRedemption,
  reserveDiscountRedemption,
  type MikroORM,
} from '../src/index.js';
import { createSampleTenant, openOrm, type SampleTenant } from './fixtures.js';

let orm: MikroORM;
let sample: SampleTenant;
const now = new Date('2026-06-01T12:00:00Z');

async function storeCode(fields: Partial<DiscountCode> & { code: string }): Promise<DiscountCode> {
  const em = forTenant(orm.em, sample.tenant.id);
  const row = em.create(DiscountCode, { kind: 'percent', percent: '10', ...fields });
  await em.flush();
  return row;
}

async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'reserved';
  } catch (error) {
    if (isDomainError(error)) return error.code;
    throw error;
  }
}

beforeAll(async () => {
  orm = await openOrm();
  sample = await createSampleTenant(orm.em, 'discounts');
  const em = forTenant(orm.em, sample.tenant.id);
  em.create(Price, {
    productId: sample.productId,
    currency: 'EUR',
    region: 'EU',
    amountMinor: 1000,
    taxInclusive: true,
  });
  await em.flush();
});

afterAll(async () => {
  await orm.close(true);
});

describe('loadQuoteCatalog', () => {
  it('loads the products, prices and the typed code (any case) that quote prices a cart with', async () => {
    await storeCode({ code: 'SPRING10' });
    const catalog = await loadQuoteCatalog(orm.em, sample.tenant.id, [sample.productId, 'not-a-uuid'], ' spring10 ');
    expect(catalog.products).toEqual([{ id: sample.productId, taxCategory: 'standard', forSale: false }]);
    expect(catalog.discounts?.map((d) => d.code)).toEqual(['SPRING10']);
    expect(() =>
      quote({ items: [{ productId: 'not-a-uuid', quantity: 1 }], country: 'FR' }, catalog, {
        now,
        seller: { country: 'IE' },
      }),
    ).toThrow(expect.objectContaining({ code: 'unknown_product' }));
  });

  it('never reads another tenant’s rows', async () => {
    const other = await createSampleTenant(orm.em, 'discounts-other');
    const catalog = await loadQuoteCatalog(orm.em, other.tenant.id, [sample.productId], 'SPRING10');
    expect(catalog).toEqual({ products: [], prices: [], discounts: [] });
  });
});

describe('discount redemptions', () => {
  it('never exceeds maxRedemptions under 12 parallel reservations', async () => {
    const code = await storeCode({ code: `RACE${Date.now() % 100000}`, maxRedemptions: 5 });
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        outcome(
          reserveDiscountRedemption(orm.em, {
            tenantId: sample.tenant.id,
            discountCodeId: code.id,
            orderId: randomUUID(),
            customerKey: `buyer${i}@example.com`,
            now,
          }),
        ),
      ),
    );
    expect(results.filter((r) => r === 'reserved')).toHaveLength(5);
    expect(results.filter((r) => r === 'discount_exhausted')).toHaveLength(7);
    expect((await discountUsage(orm.em, sample.tenant.id, code.id, undefined)).redemptions).toBe(5);
  });

  it('is idempotent by order id: reserve twice holds one; release gives it back; confirm is final', async () => {
    const code = await storeCode({ code: 'ONCE', maxRedemptions: 1 });
    const request = {
      tenantId: sample.tenant.id,
      discountCodeId: code.id,
      orderId: randomUUID(),
      customerKey: 'A@example.com',
      now,
    };
    const first = await reserveDiscountRedemption(orm.em, request);
    expect(await reserveDiscountRedemption(orm.em, request)).toEqual(first);
    const second = { ...request, orderId: randomUUID() };
    expect(await outcome(reserveDiscountRedemption(orm.em, second))).toBe('discount_exhausted');
    expect((await releaseDiscountRedemption(orm.em, sample.tenant.id, code.id, request.orderId))?.status).toBe(
      'released',
    );
    expect((await releaseDiscountRedemption(orm.em, sample.tenant.id, code.id, request.orderId))?.status).toBe(
      'released',
    );
    expect((await reserveDiscountRedemption(orm.em, second)).status).toBe('reserved');
    expect((await confirmDiscountRedemption(orm.em, sample.tenant.id, code.id, second.orderId))?.status).toBe(
      'confirmed',
    );
    expect((await releaseDiscountRedemption(orm.em, sample.tenant.id, code.id, second.orderId))?.status).toBe(
      'confirmed',
    );
    expect(await releaseDiscountRedemption(orm.em, sample.tenant.id, code.id, randomUUID())).toBeNull();
  });

  it('answers discount_customer_limit, discount_expired and discount_not_started with their codes', async () => {
    const limited = await storeCode({ code: 'PERBUYER', perCustomerLimit: 1 });
    const base = { tenantId: sample.tenant.id, discountCodeId: limited.id, customerKey: 'same@example.com', now };
    await reserveDiscountRedemption(orm.em, { ...base, orderId: randomUUID() });
    expect(
      await outcome(
        reserveDiscountRedemption(orm.em, { ...base, customerKey: 'SAME@example.com', orderId: randomUUID() }),
      ),
    ).toBe('discount_customer_limit');
    const expired = await storeCode({ code: 'OLD', validUntil: new Date('2026-01-01T00:00:00Z') });
    expect(
      await outcome(reserveDiscountRedemption(orm.em, { ...base, discountCodeId: expired.id, orderId: randomUUID() })),
    ).toBe('discount_expired');
    const future = await storeCode({ code: 'SOON', validFrom: new Date('2027-01-01T00:00:00Z') });
    expect(
      await outcome(reserveDiscountRedemption(orm.em, { ...base, discountCodeId: future.id, orderId: randomUUID() })),
    ).toBe('discount_not_started');
  });
});
