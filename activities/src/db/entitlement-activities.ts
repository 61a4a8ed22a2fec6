import { ApplicationFailure } from '@temporalio/common';
import {
  AuditEvent,
  DownloadGrant,
  Entitlement,
  forTenant,
  Order,
  OrderLine,
  Product,
  type EntityManager,
} from '@fanfare/db';
import {
  FailureType,
  type EndEntitlementsInput,
  type EntitlementActivities,
  type GrantedEntitlement,
} from '@fanfare/contracts';
import type { DbActivityDeps } from './asset-activities.js';
import { uuidFromKey } from './deterministic-uuid.js';
import { requireUuids } from './require-uuids.js';
import { periodEnd, rightsFor } from './entitlement-rights.js';

/** The id of the entitlement an order gives to a product: the same on every retry and replay. */
export function entitlementIdFor(tenantId: string, orderId: string, productId: string): string {
  return uuidFromKey(`entitlement/${tenantId}/${orderId}/${productId}`);
}

/** Workflow idempotency keys start with the workflow id, which is the actor of the audit event. */
function actorOf(idempotencyKey: string): string {
  const slash = idempotencyKey.indexOf('/');
  return slash < 0 ? idempotencyKey : idempotencyKey.slice(0, slash);
}

function audit(
  em: EntityManager,
  tenantId: string,
  key: string,
  action: string,
  entitlement: Entitlement,
  data: Record<string, unknown>,
): void {
  em.create(AuditEvent, {
    id: uuidFromKey(`${key}/${entitlement.id}`),
    tenantId,
    actorType: 'workflow',
    actorId: actorOf(key),
    action,
    subjectType: 'entitlement',
    subjectId: entitlement.id,
    data: { orderId: entitlement.orderId, productId: entitlement.productId, ...data },
    requestId: null,
  });
}

function summary(entitlement: Entitlement): GrantedEntitlement {
  return {
    entitlementId: entitlement.id,
    productId: entitlement.productId,
    status: entitlement.status,
    expiresAt: entitlement.expiresAt?.toISOString() ?? null,
  };
}

/**
 * Activities over `Entitlement` and `DownloadGrant` rows. Each runs in one transaction that
 * changes rows and writes their audit events together, so a retry either finds everything done
 * (and writes nothing) or nothing done.
 */
export function createEntitlementActivities(deps: DbActivityDeps): EntitlementActivities {
  /** Moves the named active entitlements to `status` and stops every link issued under them. */
  async function end(
    input: EndEntitlementsInput,
    status: 'revoked' | 'expired',
    data: Record<string, unknown>,
  ): Promise<string[]> {
    requireUuids(input.tenantId, ...input.entitlementIds);
    if (input.entitlementIds.length === 0) return [];
    return forTenant(deps.em, input.tenantId).transactional(async (tx) => {
      const em = forTenant(tx, input.tenantId);
      const rows = await em.find(Entitlement, { id: { $in: input.entitlementIds } });
      const now = new Date();
      for (const row of rows.filter((entitlement) => entitlement.status === 'active')) {
        row.status = status;
        if (status === 'revoked') row.revokedReason = String(data.reason);
        audit(em, input.tenantId, input.idempotencyKey, `entitlement.${status}`, row, data);
      }
      await em.flush();
      await em.nativeUpdate(
        DownloadGrant,
        { tenantId: input.tenantId, entitlementId: { $in: input.entitlementIds }, revokedAt: null },
        { revokedAt: now },
      );
      return rows.filter((entitlement) => entitlement.status === status).map((entitlement) => entitlement.id);
    });
  }

  return {
    async grantOrderEntitlements(input) {
      requireUuids(input.tenantId, input.orderId, ...(input.buyer.userId === null ? [] : [input.buyer.userId]));
      return forTenant(deps.em, input.tenantId).transactional(async (tx) => {
        const em = forTenant(tx, input.tenantId);
        if ((await em.count(Order, { id: input.orderId })) === 0) {
          throw ApplicationFailure.nonRetryable(
            `Order ${input.orderId} does not exist for tenant ${input.tenantId}`,
            FailureType.orderNotFound,
          );
        }
        const lines = await em.find(OrderLine, { order: input.orderId }, { orderBy: { productId: 'asc' } });
        const quantities = new Map<string, number>();
        for (const line of lines) quantities.set(line.productId, (quantities.get(line.productId) ?? 0) + line.quantity);
        const products = await em.find(Product, { id: { $in: [...quantities.keys()] } });
        const ids = products.map((product) => entitlementIdFor(input.tenantId, input.orderId, product.id));
        const existing = new Map((await em.find(Entitlement, { id: { $in: ids } })).map((row) => [row.productId, row]));
        const grantedAt = new Date(input.grantedAt);
        const rows = products.map((product) => {
          const found = existing.get(product.id);
          if (found !== undefined) return found;
          const row = em.create(Entitlement, {
            id: entitlementIdFor(input.tenantId, input.orderId, product.id),
            userId: input.buyer.userId,
            buyerEmail: input.buyer.email,
            productId: product.id,
            orderId: input.orderId,
            rights: rightsFor(product, quantities.get(product.id) ?? 1),
            status: 'active',
            usageUsed: 0,
            eulaVersion: input.eulaVersion,
            eulaAcceptedAt: new Date(input.eulaAcceptedAt),
            grantedAt,
            expiresAt: periodEnd(product, grantedAt, input.subscriptionPeriodMs),
          });
          audit(em, input.tenantId, input.idempotencyKey, 'entitlement.granted', row, {
            rights: row.rights,
            eulaVersion: input.eulaVersion,
            eulaAcceptedAt: input.eulaAcceptedAt,
          });
          return row;
        });
        await em.flush();
        return rows.map(summary);
      });
    },
    revokeEntitlements: (input) => end(input, 'revoked', { reason: input.reason }),
    expireEntitlements: (input) => end(input, 'expired', {}),
  };
}
