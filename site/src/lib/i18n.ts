import { ECB_REFERENCE_SNAPSHOT, displayPrice, formatMoney, type PriceListEntry } from '@fanfare/domain';
import type { Locale } from './locales';

export { LOCALES, supportedLocale, type Locale } from './locales';

/** Where a locale's buyers are, for region prices and tax display. */
export const REGION_OF: Record<Locale, { country: string; currency: string }> = {
  'en-US': { country: 'US', currency: 'USD' },
  'en-GB': { country: 'GB', currency: 'GBP' },
  'fr-FR': { country: 'FR', currency: 'EUR' },
  'de-DE': { country: 'DE', currency: 'EUR' },
};

const en = {
  home: 'Home', catalog: 'Catalog', search: 'Search', cart: 'Cart', library: 'My products', eula: 'Licence',
  featured: 'Featured', newReleases: 'New releases', by: 'by', addToCart: 'Add to cart', inCart: 'In cart',
  preview: 'Preview', noPreview: 'No preview for this item.', type: 'Type', genre: 'Genre', maxPrice: 'Maximum price',
  year: 'Year', any: 'Any', results: 'results', searchLabel: 'Search the catalog', noResults: 'Nothing matches.',
  emptyCart: 'Your cart is empty.', remove: 'Remove', total: 'Total', checkout: 'Check out',
  taxIncluded: 'incl. VAT', taxExcluded: 'plus tax', offline: 'You are offline: data may be stale (as of {date}).',
  offlineTitle: 'You are offline', offlineBody: 'This page has not been saved for offline reading. Pages you have visited, and the catalog, still work.',
  updateReady: 'A new version of this store is ready.', reload: 'Update', notFound: 'Page not found', skip: 'Skip to content',
  products: 'Products', works: 'Releases', artist: 'Artist', checkoutResult: 'Checkout result',
  needsSignIn: 'Sign in to see what you own. This page lists your purchases from /v1/me/entitlements and needs a connection.',
  checkoutPending: 'We are confirming your payment. This page reads the order status from /v1/checkout and needs a connection.',
  wishlist: 'Wishlist', addToWishlist: 'Add to wishlist', inWishlist: 'In wishlist', wishlistSignIn: 'Sign in to keep a wishlist',
  wishlistEmpty: 'Your wishlist is empty.', wishlistGone: 'No longer available', previewPosition: 'Preview position', timeOf: 'of',
} as const;

/** Keys of the UI strings. */
export type MessageKey = keyof typeof en;

const MESSAGES: Record<Locale, Record<MessageKey, string>> = {
  'en-US': { ...en, eula: 'License', taxIncluded: 'incl. tax' },
  'en-GB': en,
  'fr-FR': {
    home: 'Accueil', catalog: 'Catalogue', search: 'Recherche', cart: 'Panier', library: 'Mes produits', eula: 'Licence',
    featured: 'À la une', newReleases: 'Nouveautés', by: 'par', addToCart: 'Ajouter au panier', inCart: 'Dans le panier',
    preview: 'Extrait', noPreview: 'Pas d’extrait pour cet article.', type: 'Type', genre: 'Genre', maxPrice: 'Prix maximum',
    year: 'Année', any: 'Tous', results: 'résultats', searchLabel: 'Rechercher dans le catalogue', noResults: 'Aucun résultat.',
    emptyCart: 'Votre panier est vide.', remove: 'Retirer', total: 'Total', checkout: 'Payer',
    taxIncluded: 'TVA incluse', taxExcluded: 'hors taxes', offline: 'Vous êtes hors ligne : les données peuvent être anciennes (au {date}).',
    offlineTitle: 'Vous êtes hors ligne', offlineBody: 'Cette page n’a pas été enregistrée pour une lecture hors ligne. Les pages déjà visitées et le catalogue restent disponibles.',
    updateReady: 'Une nouvelle version de la boutique est prête.', reload: 'Mettre à jour', notFound: 'Page introuvable', skip: 'Aller au contenu',
    products: 'Produits', works: 'Sorties', artist: 'Artiste', checkoutResult: 'Résultat du paiement',
    needsSignIn: 'Connectez-vous pour voir vos achats. Cette page lit /v1/me/entitlements et nécessite une connexion.',
    checkoutPending: 'Nous confirmons votre paiement. Cette page lit l’état de la commande via /v1/checkout et nécessite une connexion.',
    wishlist: 'Liste d’envies', addToWishlist: 'Ajouter à ma liste d’envies', inWishlist: 'Dans ma liste d’envies', wishlistSignIn: 'Connectez-vous pour tenir une liste d’envies',
    wishlistEmpty: 'Votre liste d’envies est vide.', wishlistGone: 'N’est plus disponible', previewPosition: 'Position dans l’extrait', timeOf: 'sur',
  },
  'de-DE': {
    home: 'Start', catalog: 'Katalog', search: 'Suche', cart: 'Warenkorb', library: 'Meine Produkte', eula: 'Lizenz',
    featured: 'Empfohlen', newReleases: 'Neuerscheinungen', by: 'von', addToCart: 'In den Warenkorb', inCart: 'Im Warenkorb',
    preview: 'Hörprobe', noPreview: 'Keine Hörprobe für diesen Artikel.', type: 'Art', genre: 'Genre', maxPrice: 'Höchstpreis',
    year: 'Jahr', any: 'Alle', results: 'Treffer', searchLabel: 'Katalog durchsuchen', noResults: 'Keine Treffer.',
    emptyCart: 'Ihr Warenkorb ist leer.', remove: 'Entfernen', total: 'Summe', checkout: 'Zur Kasse',
    taxIncluded: 'inkl. MwSt.', taxExcluded: 'zzgl. Steuern', offline: 'Sie sind offline: Daten können veraltet sein (Stand {date}).',
    offlineTitle: 'Sie sind offline', offlineBody: 'Diese Seite wurde nicht für die Offline-Nutzung gespeichert. Besuchte Seiten und der Katalog funktionieren weiter.',
    updateReady: 'Eine neue Version des Shops ist bereit.', reload: 'Aktualisieren', notFound: 'Seite nicht gefunden', skip: 'Zum Inhalt springen',
    products: 'Produkte', works: 'Veröffentlichungen', artist: 'Künstler', checkoutResult: 'Ergebnis der Bezahlung',
    needsSignIn: 'Melden Sie sich an, um Ihre Käufe zu sehen. Diese Seite liest /v1/me/entitlements und braucht eine Verbindung.',
    checkoutPending: 'Wir bestätigen Ihre Zahlung. Diese Seite liest den Bestellstatus über /v1/checkout und braucht eine Verbindung.',
    wishlist: 'Wunschliste', addToWishlist: 'Auf die Wunschliste', inWishlist: 'Auf der Wunschliste', wishlistSignIn: 'Melden Sie sich an, um eine Wunschliste zu führen',
    wishlistEmpty: 'Ihre Wunschliste ist leer.', wishlistGone: 'Nicht mehr erhältlich', previewPosition: 'Position in der Hörprobe', timeOf: 'von',
  },
};

/** The UI string `key` in `locale`, with `{name}` placeholders filled from `values`. */
export function t(locale: Locale, key: MessageKey, values: Record<string, string> = {}): string {
  return MESSAGES[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);
}

/** A price as shown to a buyer in `locale`: the amount, and whether tax is in it. */
export interface ShownPrice {
  amount: number;
  currency: string;
  formatted: string;
  taxNote: string;
  taxInclusive: boolean;
}

/**
 * The price of a product for buyers of `locale`, through the money engine: the region's list
 * price (tax-inclusive in the EU and UK, exclusive in the US), formatted the locale's way.
 * Undefined when the product has no price for that region.
 */
export function priceFor(entries: readonly PriceListEntry[], productId: string, locale: Locale, tenantCurrency: string, now: Date): ShownPrice | undefined {
  const region = REGION_OF[locale];
  try {
    const shown = displayPrice(entries, productId, { currency: region.currency, country: region.country, tenantCurrency, fx: ECB_REFERENCE_SNAPSHOT, now });
    return {
      amount: shown.amount,
      currency: shown.currency,
      formatted: formatMoney({ amount: shown.amount, currency: shown.currency }, locale),
      taxInclusive: shown.taxInclusive,
      taxNote: t(locale, shown.taxInclusive ? 'taxIncluded' : 'taxExcluded'),
    };
  } catch {
    return undefined;
  }
}

/** A date in the locale's long format ("22 November 2026"). */
export function formatDate(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso));
}
