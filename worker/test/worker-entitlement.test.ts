import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../../scripts/test-support/provided.js';
import { AuditEvent, DownloadGrant, Entitlement, forTenant, type MikroORM } from '@fanfare/db';
import {
  ENTITLEMENT_WORKFLOW_TYPE,
  entitlementStatusQuery,
  entitlementWorkflowId,
  revokeEntitlementsSignal,
  type EntitlementInput,
  type EntitlementResult,
} from '@fanfare/contracts';
import { paidOrder } from '../../activities/test/support/order-fixtures.js';
import { startRealWorker, type RealWorker } from './support/real-worker.js';

let real: RealWorker;
let taskQueue: string;
let orm: MikroORM;
let client: Client;

beforeAll(async () => {
  real = await startRealWorker('worker-entitlement');
  ({ taskQueue, orm, client } = real);
});

afterAll(async () => {
  await real?.close();
});

/** A paid order for two products with 4 downloads each, as the checkout leaves it. */
const twoProductOrder = () => paidOrder(orm, [{ downloadLimit: 4 }, { downloadLimit: 4 }]);

describe('entitlement workflow on the real worker (PostgreSQL activities)', () => {
  it('grants the order, then a refund of one product revokes it and stops its existing links at once', async () => {
    const { tenantId, orderId, productIds } = await twoProductOrder();
    const userId = randomUUID();
    const input: EntitlementInput = {
      tenantId,
      orderId,
      buyer: { userId, email: 'buyer@example.com' },
      eulaVersion: '2026-01',
      eulaAcceptedAt: new Date().toISOString(),
    };
    const handle = await client.workflow.start(ENTITLEMENT_WORKFLOW_TYPE, {
      taskQueue,
      workflowId: entitlementWorkflowId(tenantId, orderId),
      args: [input],
    });
    let status = await handle.query(entitlementStatusQuery);
    for (let i = 0; i < 100 && status.step !== 'active'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = await handle.query(entitlementStatusQuery);
    }
    expect(status.entitlements).toHaveLength(2);
    const em = forTenant(orm.em, tenantId);
    const owned = await em.find(Entitlement, { orderId }, { orderBy: { productId: 'asc' } });
    expect(owned.map((row) => [row.status, row.rights.downloadLimit, row.userId])).toEqual([
      ['active', 4, userId],
      ['active', 4, userId],
    ]);
    const refunded = owned.find((row) => row.productId === productIds[1])!;
    // A link the buyer was issued before the refund.
    em.create(DownloadGrant, {
      entitlementId: refunded.id,
      assetId: randomUUID(),
      userId,
      tokenHash: randomUUID(),
      keyId: 'k',
      expiresAt: new Date(Date.now() + 600_000),
      usesLeft: 4,
      revokedAt: null,
    });
    await em.flush();

    await handle.signal(revokeEntitlementsSignal, { reason: 'refund', productIds: [productIds[1]!] });
    await handle.signal(revokeEntitlementsSignal, { reason: 'chargeback' });
    const result = (await handle.result()) as EntitlementResult;
    expect(result.entitlements.map((e) => e.state)).toEqual(['revoked', 'revoked']);
    const fresh = forTenant(orm.em, tenantId);
    expect((await fresh.findOneOrFail(DownloadGrant, { entitlementId: refunded.id })).revokedAt).toBeInstanceOf(Date);
    expect((await fresh.findOneOrFail(Entitlement, refunded.id)).revokedReason).toBe('refund');
    const audits = await fresh.find(AuditEvent, { subjectType: 'entitlement' });
    expect(audits.map((a) => a.action).sort()).toEqual([
      'entitlement.granted',
      'entitlement.granted',
      'entitlement.revoked',
      'entitlement.revoked',
    ]);
  });
});
