import { defineEntity, p } from '@mikro-orm/core';
import { tenantFilters, tenantIdColumn } from '../tenancy/tenant-filter.js';
import { createdAt, instant, uuidPrimaryKey, uuidRef } from './columns.js';

const DownloadGrantSchema = defineEntity({
  name: 'DownloadGrant',
  tableName: 'download_grants',
  filters: tenantFilters,
  properties: {
    id: uuidPrimaryKey(),
    tenantId: tenantIdColumn(),
    entitlementId: uuidRef().index(),
    assetId: uuidRef(),
    userId: uuidRef().index(),
    /** SHA-256 of the link token; the token itself is never stored. */
    tokenHash: p.string().unique(),
    /** Which HMAC key signed the link, so keys can rotate. */
    keyId: p.string(),
    expiresAt: instant(),
    usesLeft: p.integer(),
    createdAt: createdAt(),
    revokedAt: instant().nullable(),
  },
});

/** A short-lived, limited-use download link issued under an entitlement. */
export class DownloadGrant extends DownloadGrantSchema.class {}
DownloadGrantSchema.setClass(DownloadGrant);

/** Metadata of `DownloadGrant`. */
export { DownloadGrantSchema };
