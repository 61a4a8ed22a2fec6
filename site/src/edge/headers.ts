/** What the security headers depend on. */
export interface HeaderOptions {
  /** The request arrived over HTTPS (HSTS is only meaningful, and only sent, then). */
  https: boolean;
  /** Origin of the API the islands call (`/v1/...`), allowed in `connect-src`. */
  apiOrigin?: string;
}

/**
 * Security headers of every edge response. Astro's island bootstrap is an inline script, so
 * scripts allow 'unsafe-inline' from this origin only (no third-party script origin at all).
 */
export function securityHeaders(options: HeaderOptions): Record<string, string> {
  const connect = ["'self'", ...(options.apiOrigin === undefined ? [] : [options.apiOrigin])].join(' ');
  const csp = [
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "media-src 'self'",
    `connect-src ${connect}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  return {
    'content-security-policy': csp,
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
