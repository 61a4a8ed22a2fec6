import type { FanfareConfig } from '@fanfare/config';

/**
 * The buyer's IP country as the CDN geolocated it (CloudFront's `CloudFront-Viewer-Country`),
 * tax-location evidence beside the billing country. Believed only behind a trusted proxy:
 * a client talking to the API directly could send anything.
 */
export function viewerCountry(
  headers: Record<string, string | string[] | undefined>,
  trustProxy: FanfareConfig['api']['trustProxy'],
): string | null {
  const value = headers['cloudfront-viewer-country'];
  if (trustProxy === false || typeof value !== 'string') return null;
  const country = value.trim().toUpperCase();
  return /^[A-Z]{2}$/.test(country) ? country : null;
}
