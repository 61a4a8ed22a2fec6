import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { createOrm, forTenant, Product, type MikroORM } from '@fanfare/db';
import { FailureType } from '@fanfare/contracts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../../scripts/test-support/provided.js';
import { createCapacityActivities } from '../src/db/capacity-activities.js';

let orm: MikroORM;

beforeAll(async () => {
  orm = await createOrm(inject('databaseUrl'));
});
afterAll(async () => {
  await orm?.close(true);
});

describe('token capacity activities (real PostgreSQL)', () => {
  it('reserve → release → reserve for another order → confirm, and exhausted capacity fails non-retryably with its code', async () => {
    const tenantId = randomUUID();
    const em = forTenant(orm.em, tenantId);
    const product = em.create(Product, {
      creatorId: randomUUID(),
      kind: 'token_pack',
      mediaType: 'tokens',
      title: 'API calls',
      slug: 'api-calls',
      eulaVersion: '2026-01',
      tokenAmount: 1000,
      capacityUnits: 2000,
    });
    await em.flush();
    const activities = createCapacityActivities({ em: orm.em });
    const key = { tenantId, orderId: randomUUID() };
    const lines = [{ productId: product.id, units: 2000 }];
    expect(await activities.reserveTokenCapacity({ ...key, lines })).toEqual([
      { productId: product.id, units: 2000, status: 'reserved' },
    ]);
    expect(await activities.releaseTokenCapacity(key)).toEqual([
      { productId: product.id, units: 2000, status: 'released' },
    ]);
    const other = { tenantId, orderId: randomUUID() };
    await activities.reserveTokenCapacity({ ...other, lines: [{ productId: product.id, units: 1500 }] });
    expect((await activities.confirmTokenCapacity(other))[0]?.status).toBe('confirmed');
    const refused = await activities
      .reserveTokenCapacity({ tenantId, orderId: randomUUID(), lines: [{ productId: product.id, units: 1000 }] })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApplicationFailure);
    expect((refused as ApplicationFailure).type).toBe(FailureType.capacityExhausted);
    expect((refused as ApplicationFailure).nonRetryable).toBe(true);
    expect((refused as ApplicationFailure).details?.[0]).toMatchObject({
      code: 'capacity_exhausted',
      details: { availableUnits: 500, requestedUnits: 1000 },
    });
  });

  it('refuses malformed ids as invalid input', async () => {
    const refused = await createCapacityActivities({ em: orm.em })
      .releaseTokenCapacity({ tenantId: 'x', orderId: randomUUID() })
      .catch((e: unknown) => e);
    expect((refused as ApplicationFailure).type).toBe(FailureType.invalidInput);
  });
});
