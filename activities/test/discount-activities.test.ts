import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { createOrm, DiscountCode, forTenant, type MikroORM } from '@fanfare/db';
import { FailureType } from '@fanfare/contracts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../../scripts/test-support/provided.js';
import { createDiscountActivities } from '../src/db/discount-activities.js';

let orm: MikroORM;

beforeAll(async () => {
  orm = await createOrm(inject('databaseUrl'));
});
afterAll(async () => {
  await orm?.close(true);
});

describe('discount activities (real PostgreSQL)', () => {
  it('reserve → release → reserve for another order → confirm, and a used-up code fails non-retryably with its code', async () => {
    const tenantId = randomUUID();
    const em = forTenant(orm.em, tenantId);
    const code = em.create(DiscountCode, { code: 'SOLO', kind: 'percent', percent: '20', maxRedemptions: 1 });
    await em.flush();
    const activities = createDiscountActivities({ em: orm.em });
    const key = { tenantId, discountCodeId: code.id, orderId: randomUUID() };
    const at = '2026-06-01T12:00:00.000Z';
    expect((await activities.reserveDiscountRedemption({ ...key, customerKey: 'a@example.com', at })).status).toBe(
      'reserved',
    );
    expect((await activities.releaseDiscountRedemption(key))?.status).toBe('released');
    const other = { ...key, orderId: randomUUID() };
    await activities.reserveDiscountRedemption({ ...other, customerKey: 'b@example.com', at });
    expect((await activities.confirmDiscountRedemption(other))?.status).toBe('confirmed');
    const refused = await activities
      .reserveDiscountRedemption({ ...key, orderId: randomUUID(), customerKey: 'c@example.com', at })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApplicationFailure);
    expect((refused as ApplicationFailure).type).toBe(FailureType.discountCodeInvalid);
    expect((refused as ApplicationFailure).nonRetryable).toBe(true);
    expect((refused as ApplicationFailure).details?.[0]).toMatchObject({ code: 'discount_exhausted' });
  });

  it('refuses malformed ids as invalid input', async () => {
    const refused = await createDiscountActivities({ em: orm.em })
      .releaseDiscountRedemption({ tenantId: 'x', discountCodeId: randomUUID(), orderId: randomUUID() })
      .catch((e: unknown) => e);
    expect((refused as ApplicationFailure).type).toBe(FailureType.invalidInput);
  });
});
