/** Relative luminance of a `#rrggbb` colour (WCAG 2.1 definition). */
function luminance(hex: string): number {
  const match = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (match === null) return 0;
  const value = Number.parseInt(match[1] ?? '0', 16);
  const channel = (shift: number): number => {
    const c = ((value >> shift) & 255) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0);
}

/** WCAG contrast ratio of two colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * Text colour for a tenant's brand colour: white or near-black, whichever reads better, so any
 * colour a creator picks still meets WCAG AA on buttons and the header.
 */
export function textOn(background: string): string {
  return contrast(background, '#ffffff') >= contrast(background, '#111111') ? '#ffffff' : '#111111';
}

/**
 * The brand colour to use for links and accents on a white page: the tenant's own when it has
 * 4.5:1 contrast with white, else a fallback dark blue that does.
 */
export function linkColourOnWhite(primary: string): string {
  return contrast(primary, '#ffffff') >= 4.5 ? primary : '#1a4480';
}

const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

/**
 * The tenant's colours as CSS custom properties on `:root`, for an inline `<style>` (allowed by
 * its hash; a style attribute would need 'unsafe-hashes'). Only `#rrggbb` values (what `textOn` reads) get in:
 * anything else could end the style element, so it falls back to a safe default.
 */
export function themeCss(theme: { primaryColor: string; accentColor: string }): string {
  const primary = HEX_COLOUR.test(theme.primaryColor) ? theme.primaryColor : '#1a4480';
  const accent = HEX_COLOUR.test(theme.accentColor) ? theme.accentColor : primary;
  return `:root{--brand:${primary};--on-brand:${textOn(primary)};--link:${linkColourOnWhite(primary)};--accent:${accent}}`;
}
