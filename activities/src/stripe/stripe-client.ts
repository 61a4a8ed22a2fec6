import Stripe from 'stripe';

/** Where the Stripe SDK talks to: api.stripe.com, or stripe-mock / another compatible host. */
export interface StripeClientOptions {
  secretKey: string;
  /** `http://127.0.0.1:12111` for stripe-mock; undefined for the real API. */
  apiBase?: string | undefined;
}

/**
 * A Stripe SDK client. With `apiBase` the host, port and protocol come from it, so tests and
 * `npm start` reach stripe-mock with the same code that reaches Stripe in production.
 */
export function createStripeClient(options: StripeClientOptions): Stripe {
  if (options.apiBase === undefined) return new Stripe(options.secretKey, { maxNetworkRetries: 2 });
  const url = new URL(options.apiBase);
  const protocol = url.protocol === 'https:' ? 'https' : 'http';
  return new Stripe(options.secretKey, {
    host: url.hostname,
    port: url.port === '' ? (protocol === 'https' ? 443 : 80) : Number(url.port),
    protocol,
    maxNetworkRetries: 2,
    telemetry: false,
  });
}
