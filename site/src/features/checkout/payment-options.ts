/**
 * How a storefront build takes payment. Deployment settings, not catalog data, so they reach the
 * build through its environment (set by `buildTenant` from `BuildOptions.payments`) rather than
 * through the catalog export.
 */
export interface PaymentOptions {
  /** Stripe publishable key (`pk_test_…`/`pk_live_…`); null when card payment is not set up. */
  stripePublishableKey: string | null;
  /** The API's development payment endpoint exists (the development issuer is on): show the test payment. */
  devPayments: boolean;
}

const KEY = 'FANFARE_SITE_STRIPE_PUBLISHABLE_KEY';
const DEV = 'FANFARE_SITE_DEV_PAYMENTS';

/** The build environment carrying `options`. */
export function paymentEnv(options: PaymentOptions): Record<string, string> {
  return { [KEY]: options.stripePublishableKey ?? '', [DEV]: options.devPayments ? 'true' : 'false' };
}

/** The options a build was given (none: no card form, no test payment). */
export function paymentOptionsFrom(env: Record<string, string | undefined>): PaymentOptions {
  const key = env[KEY] ?? '';
  return {
    stripePublishableKey: /^pk_(test|live)_[A-Za-z0-9]+$/.test(key) ? key : null,
    devPayments: env[DEV] === 'true',
  };
}
