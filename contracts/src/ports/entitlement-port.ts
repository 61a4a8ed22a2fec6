import type { RevocationReason } from '../entitlement.js';

/** One entitlement as the grant activity stored it (or found it already stored). */
export interface GrantedEntitlement {
  entitlementId: string;
  productId: string;
  /** Where the row stands now: a retried grant after a revocation must not revive it. */
  status: 'active' | 'revoked' | 'expired';
  /** End of the current subscription period (ISO); null for things bought outright. */
  expiresAt: string | null;
}

/** What the grant activity needs to store one order's entitlements. */
export interface GrantOrderEntitlementsInput {
  tenantId: string;
  orderId: string;
  buyer: { userId: string | null; email: string };
  eulaVersion: string;
  eulaAcceptedAt: string;
  /** The workflow's own clock (ISO): subscription periods start here, identically on every retry. */
  grantedAt: string;
  /** Overrides the subscription period length (tests); otherwise the product's interval. */
  subscriptionPeriodMs?: number;
  /** Names the audit events, so a retry writes each one once. */
  idempotencyKey: string;
}

/** Takes a set of the order's entitlements out of service. */
export interface EndEntitlementsInput {
  tenantId: string;
  entitlementIds: string[];
  /** Names the audit events, so a retry writes each one once. */
  idempotencyKey: string;
}

/** Activities over `Entitlement` and `DownloadGrant` rows, as workflows see them. */
export interface EntitlementActivities {
  /**
   * Stores one entitlement per product on the order with its rights, EULA version and
   * acceptance time, and audits each grant. Idempotent: ids derive from (tenant, order,
   * product), so a retry or a replay returns the rows the first call stored. Throws a
   * non-retryable `OrderNotFound` failure for an unknown order.
   */
  grantOrderEntitlements(input: GrantOrderEntitlementsInput): Promise<GrantedEntitlement[]>;
  /**
   * Revokes the named entitlements that are still active and, in the same transaction, every
   * download link issued under them; audits each. Returns the ids that are now revoked.
   */
  revokeEntitlements(input: EndEntitlementsInput & { reason: RevocationReason }): Promise<string[]>;
  /** Marks the named active entitlements expired and stops their links; audits each. */
  expireEntitlements(input: EndEntitlementsInput): Promise<string[]>;
}
