import { defineEntity, p } from '@mikro-orm/core';
import { tenantFilters, tenantIdColumn } from '../tenancy/tenant-filter.js';
import { instant, uuidPrimaryKey, uuidRef } from './columns.js';

/** What kind of creative work a catalog entry is. */
export type WorkKind = 'album' | 'single' | 'book' | 'video' | 'podcast_series';

/** Whether a work shows in the catalog; `blocked` is set by a takedown. */
export type WorkStatus = 'draft' | 'published' | 'blocked';

const WorkSchema = defineEntity({
  name: 'Work',
  tableName: 'works',
  filters: tenantFilters,
  uniques: [{ properties: ['tenantId', 'slug'] }],
  properties: {
    id: uuidPrimaryKey(),
    tenantId: tenantIdColumn(),
    creatorId: uuidRef().index(),
    kind: p.enum(['album', 'single', 'book', 'video', 'podcast_series'] as const),
    title: p.string(),
    slug: p.string(),
    description: p.text().default(''),
    genre: p.string().default(''),
    tags: p.array().default([]),
    releaseYear: p.smallint().nullable(),
    coverAssetId: uuidRef().nullable(),
    status: p.enum(['draft', 'published', 'blocked'] as const).default('draft'),
    publishedAt: instant().nullable(),
  },
});

/** A creative work (album, book, series) that products sell access to. */
export class Work extends WorkSchema.class {}
WorkSchema.setClass(Work);

/** Metadata of `Work`. */
export { WorkSchema };
