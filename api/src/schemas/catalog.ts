import { Type, type Static } from 'typebox';

/** What a buyer receives, as a catalog filter. */
const MEDIA_TYPES = ['music', 'ebook', 'video', 'podcast', 'tokens', 'membership'] as const;

/** Page sizes the catalog accepts. */
const CATALOG_PAGE = { default: 24, max: 100 } as const;

/** `GET /v1/catalog/products` query. */
export const ProductListQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: CATALOG_PAGE.max, default: CATALOG_PAGE.default }),
    cursor: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: 'nextCursor of the previous page' }),
    ),
    mediaType: Type.Optional(Type.Enum(MEDIA_TYPES)),
  },
  { additionalProperties: false },
);

/** `GET /v1/catalog/products/:slug` path. */
export const ProductSlugParams = Type.Object(
  { slug: Type.String({ pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 200 }) },
  { additionalProperties: false },
);

/** One price of a product's price list. */
const PriceView = Type.Object({
  currency: Type.String({ minLength: 3, maxLength: 3 }),
  region: Type.String({ description: 'US, EU, GB, CA… or * for everywhere else' }),
  amountMinor: Type.Integer({ description: 'Integer minor units (cents, pence)' }),
  taxInclusive: Type.Boolean(),
});

/** A product as the public catalog shows it. */
export const ProductView = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    slug: Type.String(),
    title: Type.String(),
    description: Type.String(),
    kind: Type.Enum(['digital', 'token_pack', 'subscription']),
    mediaType: Type.Enum(MEDIA_TYPES),
    workId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
    tokenAmount: Type.Union([Type.Integer(), Type.Null()]),
    subscriptionInterval: Type.Union([Type.Enum(['month', 'year']), Type.Null()]),
    prices: Type.Array(PriceView),
  },
  { title: 'Product' },
);

/** The fields of {@link ProductView}. */
export type ProductViewData = Static<typeof ProductView>;

/** `GET /v1/catalog/products`: one page, newest first. */
export const ProductListResponse = Type.Object(
  {
    items: Type.Array(ProductView),
    nextCursor: Type.Union([Type.String(), Type.Null()], {
      description: 'Pass as `cursor` for the next page; null on the last',
    }),
  },
  { title: 'ProductPage' },
);

/** Hits a catalog search answers with. */
const SEARCH_LIMIT = { default: 10, max: 50 } as const;

/** Longest search text, after trimming. */
export const SEARCH_TEXT_MAX = 200;

/** `GET /v1/catalog/search` query. */
export const CatalogSearchQuery = Type.Object(
  {
    q: Type.String({
      maxLength: SEARCH_TEXT_MAX,
      description: 'What the buyer typed (1–200 characters); the last word matches as a prefix',
    }),
    limit: Type.Integer({ minimum: 1, maximum: SEARCH_LIMIT.max, default: SEARCH_LIMIT.default }),
    mediaType: Type.Optional(Type.Enum(MEDIA_TYPES)),
  },
  { additionalProperties: false },
);

/** `GET /v1/catalog/search`: the best matches first. */
export const CatalogSearchResponse = Type.Object(
  {
    hits: Type.Array(
      Type.Object({
        id: Type.String({ format: 'uuid' }),
        slug: Type.String(),
        title: Type.String(),
        creatorName: Type.String(),
        mediaType: Type.Enum(MEDIA_TYPES),
        coverUrl: Type.Union([Type.String(), Type.Null()], {
          description:
            'Always null for now: the API serves no cover art; the storefront has it from its catalog export',
        }),
      }),
    ),
    query: Type.String({ description: 'The search text as used (trimmed)' }),
    tookMs: Type.Number({ description: 'Time the search took in the API, in milliseconds' }),
  },
  { title: 'CatalogSearch' },
);
