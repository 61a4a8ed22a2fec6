import { defineEntity, p } from '@mikro-orm/core';
import { tenantFilters, tenantIdColumn } from '../tenancy/tenant-filter.js';
import { createdAt, instant, uuidPrimaryKey, uuidRef } from './columns.js';

/** What an entitlement lets its holder do. */
export interface EntitlementRights {
  download: boolean;
  stream: boolean;
  deviceLimit: number;
  downloadLimit: number;
  /** Metered units for token packs and capped subscriptions. */
  usageCap?: number;
}

/** Whether an entitlement still grants access. */
export type EntitlementStatus = 'active' | 'revoked' | 'expired';

const EntitlementSchema = defineEntity({
  name: 'Entitlement',
  tableName: 'entitlements',
  filters: tenantFilters,
  properties: {
    id: uuidPrimaryKey(),
    tenantId: tenantIdColumn(),
    userId: uuidRef().nullable().index(),
    buyerEmail: p.string().lowercase().index(),
    productId: uuidRef().index(),
    orderId: uuidRef().index(),
    rights: p.json<EntitlementRights>(),
    usageUsed: p.integer().default(0),
    status: p.enum(['active', 'revoked', 'expired'] as const).default('active'),
    revokedReason: p.string().nullable(),
    eulaVersion: p.string(),
    eulaAcceptedAt: instant(),
    grantedAt: createdAt(),
    expiresAt: instant().nullable(),
  },
});

/** A buyer's right to a product, granted by a paid order and revoked by refund or takedown. */
export class Entitlement extends EntitlementSchema.class {}
EntitlementSchema.setClass(Entitlement);

/** Metadata of `Entitlement`. */
export { EntitlementSchema };
