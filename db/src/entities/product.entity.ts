import { defineEntity, p } from '@mikro-orm/core';
import { FullTextType } from '@mikro-orm/postgresql';
import { tenantFilters, tenantIdColumn } from '../tenancy/tenant-filter.js';
import { createdAt, uuidPrimaryKey, uuidRef } from './columns.js';

/** How a product is sold: once, as metered tokens, or as a renewing membership. */
export type ProductKind = 'digital' | 'token_pack' | 'subscription';

/** What the buyer receives. */
export type MediaType = 'music' | 'ebook' | 'video' | 'podcast' | 'tokens' | 'membership';

/** Whether a product can be bought; `blocked` is set by a takedown. */
export type ProductStatus = 'draft' | 'active' | 'archived' | 'blocked';

const ProductSchema = defineEntity({
  name: 'Product',
  tableName: 'products',
  filters: tenantFilters,
  uniques: [{ properties: ['tenantId', 'slug'] }],
  indexes: [{ name: 'products_search_document_index', properties: ['searchDocument'], type: 'fulltext' }],
  properties: {
    id: uuidPrimaryKey(),
    tenantId: tenantIdColumn(),
    workId: uuidRef().nullable().index(),
    creatorId: uuidRef().index(),
    kind: p.enum(['digital', 'token_pack', 'subscription'] as const),
    mediaType: p.enum(['music', 'ebook', 'video', 'podcast', 'tokens', 'membership'] as const),
    title: p.string(),
    slug: p.string(),
    description: p.text().default(''),
    status: p.enum(['draft', 'active', 'archived', 'blocked'] as const).default('draft'),
    downloadLimit: p.integer().default(5),
    deviceLimit: p.integer().default(3),
    /** Tokens granted by a token pack. */
    tokenAmount: p.integer().nullable(),
    /** Total token units the creator offers for sale across all orders; null = unlimited. */
    capacityUnits: p.integer().nullable(),
    subscriptionInterval: p.enum(['month', 'year'] as const).nullable(),
    /**
     * Products this one bundles (an album's tracks): its entitlement reaches every file of each.
     * Null for a product that bundles nothing.
     */
    bundledProductIds: p.array<string>().nullable(),
    /** EULA the buyer accepts at checkout; copied onto the entitlement. */
    eulaVersion: p.string(),
    /**
     * What catalog search matches: the title, the work's title and the creator's name as one
     * weighted tsvector. Written only by database triggers (see the search-document migration),
     * which follow renames of the work and the creator too; never set it in code.
     */
    searchDocument: p.type(FullTextType).nullable().lazy().hidden(),
    createdAt: createdAt(),
  },
});

/** Something a buyer can pay for. */
export class Product extends ProductSchema.class {}
ProductSchema.setClass(Product);

/** Metadata of `Product`. */
export { ProductSchema };
