import { z } from 'astro/zod';

/**
 * The build-time catalog export of one storefront: what the static site is generated from.
 * Written by `exportCatalog` (through @fanfare/db) and read back by the content loader, so both
 * sides agree on one schema.
 */

/** Version of the file format; bump on an incompatible change. */
export const CATALOG_SCHEMA_VERSION = 2;

/** A price list entry as `displayPrice` in @fanfare/domain expects it. */
const priceEntrySchema = z.object({
  productId: z.string(),
  currency: z.string().length(3),
  region: z.string(),
  amount: z.number().int().nonnegative(),
  taxInclusive: z.boolean(),
});

/** A public file copied next to the pages (cover art, preview clip). */
const mediaSchema = z.object({ src: z.string(), type: z.string(), durationMs: z.number().int().nullable() });

/** A preview clip: the file itself and its HLS rendition (`index.m3u8` beside its segments). */
const previewSchema = mediaSchema.extend({ hls: z.string().nullable() });

/** The storefront itself: name, locales, currency and theme from tenant settings. */
export const tenantSchema = z.object({
  id: z.string(),
  handle: z.string(),
  name: z.string(),
  locale: z.string(),
  /** Locales the storefront is built in besides `locale` (the default); absent: every supported one. */
  locales: z.array(z.string()).optional(),
  currency: z.string().length(3),
  theme: z.object({ primaryColor: z.string(), accentColor: z.string(), logo: z.string().nullable() }),
  customDomains: z.array(z.string()),
});

/** An artist or author. */
export const creatorSchema = z.object({ id: z.string(), slug: z.string(), displayName: z.string(), bio: z.string() });

/** A published work (album, single, book, series). */
export const workSchema = z.object({
  id: z.string(),
  slug: z.string(),
  kind: z.enum(['album', 'single', 'book', 'video', 'podcast_series']),
  title: z.string(),
  description: z.string(),
  genre: z.string(),
  tags: z.array(z.string()),
  releaseYear: z.number().int().nullable(),
  creatorId: z.string(),
  cover: mediaSchema.nullable(),
  publishedAt: z.string().nullable(),
});

/** An active product with its price list and optional preview. */
export const productSchema = z.object({
  id: z.string(),
  slug: z.string(),
  kind: z.enum(['digital', 'token_pack', 'subscription']),
  mediaType: z.enum(['music', 'ebook', 'video', 'podcast', 'tokens', 'membership']),
  title: z.string(),
  description: z.string(),
  workId: z.string().nullable(),
  creatorId: z.string(),
  tokenAmount: z.number().int().nullable(),
  subscriptionInterval: z.enum(['month', 'year']).nullable(),
  eulaVersion: z.string(),
  prices: z.array(priceEntrySchema),
  preview: previewSchema.nullable(),
  createdAt: z.string(),
});

/** One storefront's whole export file. */
export const catalogExportSchema = z.object({
  schemaVersion: z.literal(CATALOG_SCHEMA_VERSION),
  exportedAt: z.string(),
  tenant: tenantSchema,
  creators: z.array(creatorSchema),
  works: z.array(workSchema),
  products: z.array(productSchema),
});

/** One storefront's whole export. */
export type CatalogExport = z.infer<typeof catalogExportSchema>;
/** A product of the export. */
export type CatalogProduct = z.infer<typeof productSchema>;
/** A work of the export. */
export type CatalogWork = z.infer<typeof workSchema>;
/** A creator of the export. */
export type CatalogCreator = z.infer<typeof creatorSchema>;
/** The tenant of the export. */
export type CatalogTenant = z.infer<typeof tenantSchema>;
