import type { EntitlementSummary, RevokeEntitlementsRequest } from '@fanfare/contracts';

/** The entitlements still in force. */
export function activeEntitlements(entitlements: readonly EntitlementSummary[]): EntitlementSummary[] {
  return entitlements.filter((entitlement) => entitlement.state === 'active');
}

/** The active entitlements a revocation request names (every active one when it names none). */
export function entitlementsToRevoke(
  entitlements: readonly EntitlementSummary[],
  request: RevokeEntitlementsRequest,
): string[] {
  const named = request.productIds === undefined ? null : new Set(request.productIds);
  return activeEntitlements(entitlements)
    .filter((entitlement) => named === null || named.has(entitlement.productId))
    .map((entitlement) => entitlement.entitlementId);
}

/** The earliest end of an active subscription period, in epoch milliseconds; null when none runs. */
export function nextExpiryMs(entitlements: readonly EntitlementSummary[]): number | null {
  const ends = activeEntitlements(entitlements)
    .filter((entitlement) => entitlement.expiresAt !== null)
    .map((entitlement) => Date.parse(entitlement.expiresAt as string));
  return ends.length === 0 ? null : Math.min(...ends);
}

/** The active entitlements whose period has ended at `nowMs`. */
export function entitlementsDueToExpire(entitlements: readonly EntitlementSummary[], nowMs: number): string[] {
  return activeEntitlements(entitlements)
    .filter((entitlement) => entitlement.expiresAt !== null && Date.parse(entitlement.expiresAt) <= nowMs)
    .map((entitlement) => entitlement.entitlementId);
}

/** A copy of `entitlements` with the listed ids moved to `state`. */
export function withState(
  entitlements: readonly EntitlementSummary[],
  ids: readonly string[],
  state: EntitlementSummary['state'],
): EntitlementSummary[] {
  const changed = new Set(ids);
  return entitlements.map((entitlement) =>
    changed.has(entitlement.entitlementId) ? { ...entitlement, state } : entitlement,
  );
}
