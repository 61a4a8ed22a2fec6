import { defineEntity, p } from '@mikro-orm/core';
import { tenantFilters, tenantIdColumn } from '../tenancy/tenant-filter.js';
import { createdAt, instant, uuidPrimaryKey } from './columns.js';

/** Where a custom domain is in its provisioning workflow. */
export const DOMAIN_STATUSES = [
  'pending_verification',
  'verifying',
  'issuing_certificate',
  'active',
  'failed',
  'removed',
] as const;

/** One step of custom-domain provisioning. */
export type DomainStatus = (typeof DOMAIN_STATUSES)[number];

const DomainSchema = defineEntity({
  name: 'Domain',
  tableName: 'domains',
  filters: tenantFilters,
  properties: {
    id: uuidPrimaryKey(),
    tenantId: tenantIdColumn(),
    /** Normalized (lower case, no port, no trailing dot); one tenant per name across the platform. */
    hostname: p.string().length(253).unique(),
    status: p.enum(DOMAIN_STATUSES).default('pending_verification'),
    /** Value the tenant publishes in a TXT record to prove ownership. */
    verificationToken: p.string(),
    verifiedAt: instant().nullable(),
    createdAt: createdAt(),
  },
});

/** A custom domain a tenant brings for its storefront. */
export class Domain extends DomainSchema.class {}
DomainSchema.setClass(Domain);

/** Metadata of `Domain`. */
export { DomainSchema };
