import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '@fanfare/domain';
import {
  CapacityReservation,
  confirmTokenCapacity,
  forTenant,
  heldCapacityUnits,
  Product,
  releaseTokenCapacity,
  reserveTokenCapacity,
  type MikroORM,
} from '../src/index.js';
import { createSampleTenant, openOrm, type SampleTenant } from './fixtures.js';

let orm: MikroORM;
let sample: SampleTenant;

async function tokenPack(capacityUnits: number | null): Promise<string> {
  const em = forTenant(orm.em, sample.tenant.id);
  const slug = `api-calls-${randomUUID().slice(0, 8)}`;
  const product = em.create(Product, {
    creatorId: sample.creatorId,
    kind: 'token_pack',
    mediaType: 'tokens',
    title: 'API calls',
    slug,
    eulaVersion: '2026-01',
    tokenAmount: 100,
    capacityUnits,
  });
  await em.flush();
  return product.id;
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

const reserve = (orderId: string, lines: Array<{ productId: string; units: number }>) =>
  reserveTokenCapacity(orm.em, { tenantId: sample.tenant.id, orderId, lines });

beforeAll(async () => {
  orm = await openOrm();
  sample = await createSampleTenant(orm.em, 'capacity');
});

afterAll(async () => {
  await orm.close(true);
});

describe('token capacity reservations', () => {
  it('never exceeds capacityUnits under 12 parallel reservations', async () => {
    const productId = await tokenPack(1000);
    const results = await Promise.all(
      Array.from({ length: 12 }, () => outcome(reserve(randomUUID(), [{ productId, units: 300 }]))),
    );
    expect(results.filter((r) => r === 'reserved')).toHaveLength(3);
    expect(results.filter((r) => r === 'capacity_exhausted')).toHaveLength(9);
    expect(await heldCapacityUnits(orm.em, sample.tenant.id, productId)).toBe(900);
  });

  it('refuses with capacity_exhausted and what is left, holding nothing of the cart', async () => {
    const limited = await tokenPack(500);
    const unlimited = await tokenPack(null);
    await reserve(randomUUID(), [{ productId: limited, units: 400 }]);
    const orderId = randomUUID();
    const error = await reserve(orderId, [
      { productId: unlimited, units: 10_000 },
      { productId: limited, units: 200 },
    ]).catch((e: unknown) => e);
    expect(isDomainError(error) && error.code).toBe('capacity_exhausted');
    expect(isDomainError(error) && error.details).toMatchObject({
      productId: limited,
      capacityUnits: 500,
      availableUnits: 100,
      requestedUnits: 200,
    });
    expect(await forTenant(orm.em.fork(), sample.tenant.id).count(CapacityReservation, { orderId })).toBe(0);
    // An unlimited product is never refused.
    expect(await reserve(randomUUID(), [{ productId: unlimited, units: 1_000_000 }])).toEqual([
      { productId: unlimited, units: 1_000_000, status: 'reserved' },
    ]);
  });

  it('is idempotent by order id: reserve twice holds once; release gives it back; confirm is final', async () => {
    const productId = await tokenPack(300);
    const orderId = randomUUID();
    await reserve(orderId, [{ productId, units: 200 }]);
    expect(await reserve(orderId, [{ productId, units: 200 }])).toEqual([
      { productId, units: 200, status: 'reserved' },
    ]);
    expect(await heldCapacityUnits(orm.em, sample.tenant.id, productId)).toBe(200);

    expect(await releaseTokenCapacity(orm.em, sample.tenant.id, orderId)).toEqual([
      { productId, units: 200, status: 'released' },
    ]);
    expect(await releaseTokenCapacity(orm.em, sample.tenant.id, orderId)).toEqual([
      { productId, units: 200, status: 'released' },
    ]);
    expect(await heldCapacityUnits(orm.em, sample.tenant.id, productId)).toBe(0);
    expect(await outcome(reserve(randomUUID(), [{ productId, units: 300 }]))).toBe('reserved');
    // The released order asks again: the capacity is gone now.
    expect(await outcome(reserve(orderId, [{ productId, units: 200 }]))).toBe('capacity_exhausted');

    const paidOrder = randomUUID();
    const other = await tokenPack(100);
    await reserve(paidOrder, [{ productId: other, units: 100 }]);
    expect(await confirmTokenCapacity(orm.em, sample.tenant.id, paidOrder)).toEqual([
      { productId: other, units: 100, status: 'confirmed' },
    ]);
    expect(await confirmTokenCapacity(orm.em, sample.tenant.id, paidOrder)).toEqual([
      { productId: other, units: 100, status: 'confirmed' },
    ]);
    expect(await releaseTokenCapacity(orm.em, sample.tenant.id, paidOrder)).toEqual([
      { productId: other, units: 100, status: 'confirmed' },
    ]);
    expect(await heldCapacityUnits(orm.em, sample.tenant.id, other)).toBe(100);
    expect(await releaseTokenCapacity(orm.em, sample.tenant.id, randomUUID())).toEqual([]);
  });

  it('never reads another tenant’s product', async () => {
    const productId = await tokenPack(100);
    const other = await createSampleTenant(orm.em, 'capacity-other');
    const error = await reserveTokenCapacity(orm.em, {
      tenantId: other.tenant.id,
      orderId: randomUUID(),
      lines: [{ productId, units: 1 }],
    }).catch((e: unknown) => e);
    expect(isDomainError(error) && error.code).toBe('unknown_product');
  });
});
