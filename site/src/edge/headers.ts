import type { InlineHashes } from '../build/inline-hashes.js';

/** What the security headers depend on. */
export interface HeaderOptions {
  /** The request arrived over HTTPS (HSTS is only meaningful, and only sent, then). */
  https: boolean;
  /** Origin of the API the islands call (`/v1/...`), allowed in `connect-src`. */
  apiOrigin?: string;
  /** The inline code of the page being served (from the build's CSP manifest); none allowed without. */
  inline?: InlineHashes;
}

// Stripe.js (checkout) loads from js.stripe.com (and its *.js.stripe.com shards), frames its card
// fields from there and 3-D Secure challenges from hooks.stripe.com, calls api.stripe.com and shows
// card-brand images from *.stripe.com — Stripe's security guide's list, no more.
const STRIPE = {
  script: ['https://js.stripe.com', 'https://*.js.stripe.com'],
  frame: ['https://js.stripe.com', 'https://*.js.stripe.com', 'https://hooks.stripe.com'],
  connect: 'https://api.stripe.com',
  img: 'https://*.stripe.com',
};

/**
 * Security headers of every edge response. No 'unsafe-inline': a page's inline scripts and
 * styles (Astro's island bootstrap, the theme colours) are allowed by their exact hashes, which
 * the build lists per page; style attributes only by hash under 'unsafe-hashes', when a page has any.
 */
export function securityHeaders(options: HeaderOptions): Record<string, string> {
  const inline = options.inline ?? { scripts: [], styles: [], styleAttributes: [] };
  const connect = ["'self'", ...(options.apiOrigin === undefined ? [] : [options.apiOrigin]), STRIPE.connect];
  const directives = [
    "default-src 'self'",
    ['script-src', "'self'", ...STRIPE.script, ...inline.scripts].join(' '),
    ['style-src', "'self'", ...inline.styles].join(' '),
    ...(inline.styleAttributes.length === 0
      ? []
      : [['style-src-attr', "'unsafe-hashes'", ...inline.styleAttributes].join(' ')]),
    `img-src 'self' data: ${STRIPE.img}`,
    // hls.js plays the HLS preview through Media Source, whose object URLs are blob: URLs.
    "media-src 'self' blob:",
    `connect-src ${connect.join(' ')}`,
    `frame-src ${STRIPE.frame.join(' ')}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return {
    'content-security-policy': directives.join('; '),
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'permissions-policy': 'camera=(), microphone=(), geolocation=()',
    'cross-origin-opener-policy': 'same-origin',
    ...(options.https ? { 'strict-transport-security': 'max-age=63072000; includeSubDomains' } : {}),
  };
}

/** Cache policy per path: hashed assets forever, the worker and pages revalidated every time. */
export function cacheControlOf(urlPath: string): string {
  if (urlPath.startsWith('/_astro/')) return 'public, max-age=31536000, immutable';
  if (urlPath.startsWith('/media/')) return 'public, max-age=86400';
  return 'no-cache';
}
