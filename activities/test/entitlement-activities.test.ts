import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { AuditEvent, DownloadGrant, Entitlement, forTenant, createOrm, type MikroORM } from '@fanfare/db';
import { FailureType, type GrantOrderEntitlementsInput } from '@fanfare/contracts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../../scripts/test-support/provided.js';
import { createEntitlementActivities, entitlementIdFor } from '../src/index.js';
import { paidOrder } from './support/order-fixtures.js';

let orm: MikroORM;

beforeAll(async () => {
  orm = await createOrm(inject('databaseUrl'));
});
afterAll(async () => {
  await orm?.close(true);
});

const activities = () => createEntitlementActivities({ em: orm.em });

function grantInput(
  tenantId: string,
  orderId: string,
  overrides: Partial<GrantOrderEntitlementsInput> = {},
): GrantOrderEntitlementsInput {
  return {
    tenantId,
    orderId,
    buyer: { userId: randomUUID(), email: 'buyer@example.com' },
    eulaVersion: '2026-01',
    eulaAcceptedAt: '2026-11-22T10:00:00.000Z',
    grantedAt: '2026-01-31T12:00:00.000Z',
    idempotencyKey: `entitlement:${tenantId}:${orderId}/grant`,
    ...overrides,
  };
}

async function auditOf(tenantId: string, action: string): Promise<AuditEvent[]> {
  return forTenant(orm.em, tenantId).find(AuditEvent, { action }, { orderBy: { subjectId: 'asc' } });
}

describe('entitlement activities (real PostgreSQL)', () => {
  it('grants one entitlement per product with rights, EULA and subscription end, once, audited once', async () => {
    const { tenantId, orderId, productIds } = await paidOrder(orm, [
      { mediaType: 'music', downloadLimit: 3 },
      { kind: 'token_pack', mediaType: 'tokens', tokenAmount: 100, quantity: 2 },
      { kind: 'subscription', mediaType: 'membership', subscriptionInterval: 'month' },
    ]);
    const input = grantInput(tenantId, orderId);
    const first = await activities().grantOrderEntitlements(input);
    const again = await activities().grantOrderEntitlements({ ...input, grantedAt: '2027-01-01T00:00:00.000Z' });
    expect(again).toEqual(first);
    expect(first).toHaveLength(3);
    const rows = await forTenant(orm.em, tenantId).find(Entitlement, { orderId });
    expect(rows).toHaveLength(3);
    const byProduct = new Map(rows.map((row) => [row.productId, row]));
    expect(byProduct.get(productIds[0]!)).toMatchObject({
      id: entitlementIdFor(tenantId, orderId, productIds[0]!),
      userId: input.buyer.userId,
      buyerEmail: 'buyer@example.com',
      status: 'active',
      eulaVersion: '2026-01',
      eulaAcceptedAt: new Date('2026-11-22T10:00:00.000Z'),
      expiresAt: null,
      rights: { download: true, stream: true, deviceLimit: 3, downloadLimit: 3 },
    });
    expect(byProduct.get(productIds[1]!)?.rights).toEqual({
      download: false,
      stream: false,
      deviceLimit: 3,
      downloadLimit: 5,
      usageCap: 200,
    });
    // A month after 31 January ends on the last day of February.
    expect(byProduct.get(productIds[2]!)?.expiresAt).toEqual(new Date('2026-02-28T12:00:00.000Z'));
    expect(first.find((grant) => grant.productId === productIds[2])?.expiresAt).toBe('2026-02-28T12:00:00.000Z');
    const audits = await auditOf(tenantId, 'entitlement.granted');
    expect(audits).toHaveLength(3);
    expect(audits[0]).toMatchObject({
      actorType: 'workflow',
      actorId: `entitlement:${tenantId}:${orderId}`,
      subjectType: 'entitlement',
    });
  });

  it('takes the subscription period from the policy override', async () => {
    const { tenantId, orderId } = await paidOrder(orm, [
      { kind: 'subscription', mediaType: 'membership', subscriptionInterval: 'year' },
    ]);
    const [grant] = await activities().grantOrderEntitlements(
      grantInput(tenantId, orderId, { subscriptionPeriodMs: 2000 }),
    );
    expect(grant?.expiresAt).toBe('2026-01-31T12:00:02.000Z');
  });

  it('revokes the named entitlements and their download links at once, audited once per entitlement', async () => {
    const { tenantId, orderId } = await paidOrder(orm, [{}, {}]);
    const [kept, revoked] = await activities().grantOrderEntitlements(grantInput(tenantId, orderId));
    const em = forTenant(orm.em, tenantId);
    const userId = randomUUID();
    for (const entitlement of [kept!, revoked!]) {
      em.create(DownloadGrant, {
        entitlementId: entitlement.entitlementId,
        assetId: randomUUID(),
        userId,
        tokenHash: randomUUID(),
        keyId: 'k',
        expiresAt: new Date(Date.now() + 60_000),
        usesLeft: 5,
      });
    }
    await em.flush();
    const request = {
      tenantId,
      entitlementIds: [revoked!.entitlementId],
      reason: 'refund' as const,
      idempotencyKey: `wf/revoke/1`,
    };
    expect(await activities().revokeEntitlements(request)).toEqual([revoked!.entitlementId]);
    expect(await activities().revokeEntitlements(request)).toEqual([revoked!.entitlementId]);
    const fresh = forTenant(orm.em, tenantId);
    expect(await fresh.findOneOrFail(Entitlement, revoked!.entitlementId)).toMatchObject({
      status: 'revoked',
      revokedReason: 'refund',
    });
    expect((await fresh.findOneOrFail(Entitlement, kept!.entitlementId)).status).toBe('active');
    const grants = await fresh.find(DownloadGrant, { userId });
    expect(grants.find((g) => g.entitlementId === revoked!.entitlementId)?.revokedAt).toBeInstanceOf(Date);
    expect(grants.find((g) => g.entitlementId === kept!.entitlementId)?.revokedAt).toBeNull();
    const audits = await auditOf(tenantId, 'entitlement.revoked');
    expect(audits.map((a) => [a.subjectId, a.data.reason])).toEqual([[revoked!.entitlementId, 'refund']]);
  });

  it('expires active entitlements but leaves a revoked one revoked', async () => {
    const { tenantId, orderId } = await paidOrder(orm, [{}, {}]);
    const [a, b] = await activities().grantOrderEntitlements(grantInput(tenantId, orderId));
    await activities().revokeEntitlements({
      tenantId,
      entitlementIds: [b!.entitlementId],
      reason: 'takedown',
      idempotencyKey: 'wf/revoke/1',
    });
    expect(
      await activities().expireEntitlements({
        tenantId,
        entitlementIds: [a!.entitlementId, b!.entitlementId],
        idempotencyKey: 'wf/expire',
      }),
    ).toEqual([a!.entitlementId]);
    const em = forTenant(orm.em, tenantId);
    expect((await em.findOneOrFail(Entitlement, a!.entitlementId)).status).toBe('expired');
    expect((await em.findOneOrFail(Entitlement, b!.entitlementId)).status).toBe('revoked');
    expect(await auditOf(tenantId, 'entitlement.expired')).toHaveLength(1);
  });

  it('does not revive a revoked entitlement when a grant is retried', async () => {
    const { tenantId, orderId } = await paidOrder(orm, [{}]);
    const input = grantInput(tenantId, orderId);
    const [grant] = await activities().grantOrderEntitlements(input);
    await activities().revokeEntitlements({
      tenantId,
      entitlementIds: [grant!.entitlementId],
      reason: 'chargeback',
      idempotencyKey: 'wf/revoke/1',
    });
    expect((await activities().grantOrderEntitlements(input))[0]?.status).toBe('revoked');
  });

  it('refuses an unknown order and a malformed id without retrying', async () => {
    const unknown = await activities()
      .grantOrderEntitlements(grantInput(randomUUID(), randomUUID()))
      .catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(ApplicationFailure);
    expect(unknown).toMatchObject({ type: FailureType.orderNotFound, nonRetryable: true });
    const malformed = await activities()
      .revokeEntitlements({ tenantId: 'nope', entitlementIds: [], reason: 'refund', idempotencyKey: 'k' })
      .catch((e: unknown) => e);
    expect(malformed).toMatchObject({ type: FailureType.invalidInput, nonRetryable: true });
  });

  it('never reaches another tenant’s entitlements', async () => {
    const { tenantId, orderId } = await paidOrder(orm, [{}]);
    const [grant] = await activities().grantOrderEntitlements(grantInput(tenantId, orderId));
    expect(
      await activities().revokeEntitlements({
        tenantId: randomUUID(),
        entitlementIds: [grant!.entitlementId],
        reason: 'refund',
        idempotencyKey: 'k',
      }),
    ).toEqual([]);
    expect((await forTenant(orm.em, tenantId).findOneOrFail(Entitlement, grant!.entitlementId)).status).toBe('active');
  });
});
