import { defineEntity, p } from '@mikro-orm/core';
import { tenantFilters, tenantIdColumn } from '../tenancy/tenant-filter.js';
import { createdAt, currencyCode, instant, minorUnits, uuidPrimaryKey, uuidRef } from './columns.js';

/** Where a payout is at the processor. */
export type PayoutStatus = 'scheduled' | 'in_transit' | 'paid' | 'failed';

const PayoutSchema = defineEntity({
  name: 'Payout',
  tableName: 'payouts',
  filters: tenantFilters,
  properties: {
    id: uuidPrimaryKey(),
    tenantId: tenantIdColumn(),
    creatorId: uuidRef().index(),
    amountMinor: minorUnits(),
    currency: currencyCode(),
    status: p.enum(['scheduled', 'in_transit', 'paid', 'failed'] as const).default('scheduled'),
    providerTransferId: p.string().nullable(),
    periodStart: instant(),
    periodEnd: instant(),
    createdAt: createdAt(),
  },
});

/** A transfer of a creator's available balance for one period. */
export class Payout extends PayoutSchema.class {}
PayoutSchema.setClass(Payout);

/** Metadata of `Payout`. */
export { PayoutSchema };
