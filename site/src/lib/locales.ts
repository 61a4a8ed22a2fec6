/**
 * Which locales a storefront speaks and where their pages live: the tenant's default locale is
 * unprefixed (`/products/x/`), every other enabled locale sits under its lower-case BCP-47 tag
 * (`/fr-fr/products/x/`). Free of Astro and the money engine, so the build config and the
 * service worker can use it too.
 */

/** Locales the storefront speaks. */
export const LOCALES = ['en-US', 'en-GB', 'fr-FR', 'de-DE'] as const;
/** One of `LOCALES`. */
export type Locale = (typeof LOCALES)[number];

/** Each locale named in its own language, for the language switcher. */
export const LOCALE_NAMES: Record<Locale, string> = {
  'en-US': 'English (US)',
  'en-GB': 'English (UK)',
  'fr-FR': 'Français',
  'de-DE': 'Deutsch',
};

/** `locale` if the storefront speaks it (any letter case), else undefined. */
export function findLocale(locale: string): Locale | undefined {
  return LOCALES.find((l) => l.toLowerCase() === locale.toLowerCase());
}

/** `locale` if the storefront speaks it, else en-US. */
function supportedLocale(locale: string): Locale {
  return findLocale(locale) ?? 'en-US';
}

/**
 * The locales a tenant's storefront is built in, its default first: the tenant's `locales`
 * setting (unknown tags dropped) or every supported locale when it has none.
 */
export function enabledLocales(tenant: { locale: string; locales?: readonly string[] | undefined }): Locale[] {
  const first = supportedLocale(tenant.locale);
  const listed = (tenant.locales ?? LOCALES).map(findLocale).filter((l) => l !== undefined);
  return [first, ...new Set(listed.filter((l) => l !== first))];
}

/** The route segment of `locale`: undefined for the default locale, else its lower-case tag. */
export function localeSegment(locale: Locale, defaultLocale: Locale): string | undefined {
  return locale === defaultLocale ? undefined : locale.toLowerCase();
}

/** `path` (absolute, unprefixed) as served in `locale`. */
export function localizedPath(path: string, locale: Locale, defaultLocale: Locale): string {
  const segment = localeSegment(locale, defaultLocale);
  return segment === undefined ? path : `/${segment}${path}`;
}

/** The locale a pathname is in and the pathname without its locale prefix. */
export function splitLocalePath(pathname: string, locales: readonly Locale[]): { locale: Locale; path: string } {
  const defaultLocale = locales[0] ?? 'en-US';
  const match = /^\/([a-z]{2}-[a-z]{2})(\/.*)?$/i.exec(pathname);
  const prefixed = match?.[1] === undefined ? undefined : findLocale(match[1]);
  if (match === null || prefixed === undefined || prefixed === defaultLocale || !locales.includes(prefixed)) {
    return { locale: defaultLocale, path: pathname };
  }
  return { locale: prefixed, path: match[2] ?? '/' };
}
