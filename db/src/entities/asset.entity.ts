import { defineEntity, p } from '@mikro-orm/core';
import { tenantFilters, tenantIdColumn } from '../tenancy/tenant-filter.js';
import { createdAt, uuidPrimaryKey, uuidRef } from './columns.js';

/** The role a stored file plays. */
export type AssetKind = 'original' | 'rendition' | 'cover' | 'preview' | 'download';

/** Where a file is in processing; `blocked` is set by a takedown. */
export type AssetStatus = 'uploaded' | 'processing' | 'ready' | 'failed' | 'blocked';

const AssetSchema = defineEntity({
  name: 'Asset',
  tableName: 'assets',
  filters: tenantFilters,
  properties: {
    id: uuidPrimaryKey(),
    tenantId: tenantIdColumn(),
    productId: uuidRef().nullable().index(),
    workId: uuidRef().nullable().index(),
    kind: p.enum(['original', 'rendition', 'cover', 'preview', 'download'] as const),
    /** Key in the BlobStore. */
    storageKey: p.string().length(1024),
    filename: p.string(),
    contentType: p.string(),
    /** bigint column: video originals can pass 2 GiB. */
    sizeBytes: p.bigint('number'),
    /** Lower-case hex SHA-256 of the stored bytes. */
    sha256: p.string().columnType('char(64)').length(64),
    durationMs: p.integer().nullable(),
    status: p.enum(['uploaded', 'processing', 'ready', 'failed', 'blocked'] as const).default('uploaded'),
    createdAt: createdAt(),
  },
});

/** A stored file: an original upload, a rendition, cover art, a preview or a download. */
export class Asset extends AssetSchema.class {}
AssetSchema.setClass(Asset);

/** Metadata of `Asset`. */
export { AssetSchema };
