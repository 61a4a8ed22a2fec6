import { defineEntity, p } from '@mikro-orm/core';
import { tenantFilters, tenantIdColumn } from '../tenancy/tenant-filter.js';
import { createdAt, minorUnits, uuidPrimaryKey, uuidRef } from './columns.js';

/** How often a creator's available balance is paid out. */
export type PayoutSchedule = 'weekly' | 'monthly';

const CreatorSchema = defineEntity({
  name: 'Creator',
  tableName: 'creators',
  filters: tenantFilters,
  uniques: [{ properties: ['tenantId', 'slug'] }],
  properties: {
    id: uuidPrimaryKey(),
    tenantId: tenantIdColumn(),
    userId: uuidRef().index(),
    displayName: p.string(),
    slug: p.string(),
    bio: p.text().default(''),
    /** Stripe Connect Express account, once onboarding has started. */
    stripeAccountId: p.string().nullable(),
    payoutSchedule: p.enum(['weekly', 'monthly'] as const).default('monthly'),
    /** Balances below this stay available and carry forward to the next run. */
    payoutMinimumMinor: minorUnits().default(0),
    createdAt: createdAt(),
  },
});

/** An artist, author or podcaster selling on a tenant's storefront. */
export class Creator extends CreatorSchema.class {}
CreatorSchema.setClass(Creator);

/** Metadata of `Creator`. */
export { CreatorSchema };
