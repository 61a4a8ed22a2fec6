import type { CatalogCreator, CatalogProduct, CatalogTenant, CatalogWork } from '../export/catalog-schema';
import { currencyInfo } from '@fanfare/domain';
import type { ShownPrice } from './i18n';

// Minor units to the decimal string schema.org expects, without going through floats.
const decimalAmount = (amount: number, digits: number): string => {
  if (digits === 0) return String(amount);
  const text = String(Math.abs(amount)).padStart(digits + 1, '0');
  return `${amount < 0 ? '-' : ''}${text.slice(0, -digits)}.${text.slice(-digits)}`;
};

/** A JSON-LD node. */
export type JsonLd = Record<string, unknown>;

const schemaTypeOf = (product: CatalogProduct, work: CatalogWork | undefined): string[] => {
  if (product.mediaType === 'ebook') return ['Product', 'Book'];
  if (product.mediaType === 'music')
    return work?.kind === 'single' ? ['Product', 'MusicRecording'] : ['Product', 'MusicAlbum'];
  return ['Product'];
};

/**
 * Schema.org markup of a product page: a Product (and MusicAlbum, MusicRecording or Book where it
 * is one) with an Offer in the price the page shows.
 */
export function productJsonLd(input: {
  product: CatalogProduct;
  work: CatalogWork | undefined;
  creator: CatalogCreator | undefined;
  tenant: CatalogTenant;
  price: ShownPrice | undefined;
  url: string;
  image: string | undefined;
}): JsonLd {
  const { product, work, creator, tenant, price, url, image } = input;
  const types = schemaTypeOf(product, work);
  const node: JsonLd = {
    '@context': 'https://schema.org',
    '@type': types.length === 1 ? types[0] : types,
    name: product.title,
    description: product.description,
    url,
    sku: product.id,
    brand: { '@type': 'Brand', name: tenant.name },
  };
  if (image !== undefined) node.image = image;
  if (creator !== undefined) {
    const person = { '@type': 'Person', name: creator.displayName };
    if (types.includes('Book')) node.author = person;
    else if (types.includes('MusicAlbum') || types.includes('MusicRecording'))
      node.byArtist = { '@type': 'MusicGroup', name: creator.displayName };
  }
  if (work?.genre) node.genre = work.genre;
  if (price !== undefined) {
    node.offers = {
      '@type': 'Offer',
      price: decimalAmount(price.amount, currencyInfo(price.currency).minorUnits),
      priceCurrency: price.currency,
      availability: 'https://schema.org/InStock',
      url,
    };
  }
  return node;
}

/** Serializes JSON-LD for a `<script type="application/ld+json">`, safe against `</script>`. */
export function jsonLdScript(node: JsonLd): string {
  return JSON.stringify(node).replace(/</g, '\\u003c');
}
