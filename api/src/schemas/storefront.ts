import { Type } from 'typebox';

/** Storefront colours and logo. */
const Theme = Type.Object({
  primaryColor: Type.String(),
  accentColor: Type.String(),
  logoAssetId: Type.Optional(Type.String({ format: 'uuid' })),
});

/** `GET /v1/storefront`: what a storefront shows about itself. */
export const StorefrontResponse = Type.Object(
  {
    handle: Type.String(),
    name: Type.String(),
    theme: Theme,
    defaultCurrency: Type.String({ minLength: 3, maxLength: 3 }),
    defaultLocale: Type.String(),
  },
  { title: 'Storefront' },
);
