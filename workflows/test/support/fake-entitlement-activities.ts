import type { EntitlementActivities, GrantedEntitlement, GrantOrderEntitlementsInput } from '@fanfare/contracts';

/** What the fakes were asked to do, for assertions. */
export interface EntitlementCalls {
  grants: GrantOrderEntitlementsInput[];
  revoked: Array<{ ids: string[]; reason: string; idempotencyKey: string }>;
  expired: Array<{ ids: string[]; idempotencyKey: string }>;
}

/** A product on the fake order; `periodMs` makes it a subscription of that length. */
export interface FakeLine {
  productId: string;
  periodMs?: number;
}

/**
 * In-memory fakes of the entitlement activities over one order's lines. Like the real ones they
 * key entitlements by (order, product), so a repeated grant returns the rows it stored first.
 */
export function fakeEntitlementActivities(
  lines: FakeLine[],
  overrides: Partial<EntitlementActivities> = {},
): { activities: EntitlementActivities; calls: EntitlementCalls } {
  const calls: EntitlementCalls = { grants: [], revoked: [], expired: [] };
  const rows = new Map<string, GrantedEntitlement>();
  const activities: EntitlementActivities = {
    grantOrderEntitlements: async (input) => {
      calls.grants.push(input);
      if (overrides.grantOrderEntitlements) return overrides.grantOrderEntitlements(input);
      return lines.map((line) => {
        const entitlementId = `ent-${input.orderId}-${line.productId}`;
        const period = input.subscriptionPeriodMs ?? line.periodMs;
        const row = rows.get(entitlementId) ?? {
          entitlementId,
          productId: line.productId,
          status: 'active' as const,
          expiresAt:
            line.periodMs === undefined || period === undefined
              ? null
              : new Date(Date.parse(input.grantedAt) + period).toISOString(),
        };
        rows.set(entitlementId, row);
        return row;
      });
    },
    revokeEntitlements: async (input) => {
      calls.revoked.push({ ids: input.entitlementIds, reason: input.reason, idempotencyKey: input.idempotencyKey });
      return input.entitlementIds;
    },
    expireEntitlements: async (input) => {
      calls.expired.push({ ids: input.entitlementIds, idempotencyKey: input.idempotencyKey });
      return input.entitlementIds;
    },
  };
  return { activities, calls };
}
