import { defineEntity, p } from '@mikro-orm/core';
import { tenantFilters, tenantIdColumn } from '../tenancy/tenant-filter.js';
import { currencyCode, minorUnits, uuidPrimaryKey, uuidRef } from './columns.js';

const PriceSchema = defineEntity({
  name: 'Price',
  tableName: 'prices',
  filters: tenantFilters,
  uniques: [{ properties: ['productId', 'currency', 'region'] }],
  properties: {
    id: uuidPrimaryKey(),
    tenantId: tenantIdColumn(),
    productId: uuidRef().index(),
    currency: currencyCode(),
    /** Region code such as `US`, `EU`, `GB`, `CA`, or `*` for everywhere else. */
    region: p.string().length(8),
    amountMinor: minorUnits(),
    /** True where the listed amount already contains VAT/GST (EU, GB display). */
    taxInclusive: p.boolean().default(false),
  },
});

/** A product's price in one currency for one region of the tenant's price list. */
export class Price extends PriceSchema.class {}
PriceSchema.setClass(Price);

/** Metadata of `Price`. */
export { PriceSchema };
