/**
 * The part of Stripe.js the checkout uses, typed here rather than through @stripe/stripe-js:
 * Stripe.js itself must come from js.stripe.com at run time (never bundled), so only its shape
 * is ours.
 */
interface StripePaymentElement {
  mount(target: HTMLElement): void;
  destroy(): void;
}

/** A Stripe Elements group tied to one PaymentIntent. */
export interface StripeElements {
  create(type: 'payment', options?: { layout?: 'tabs' | 'accordion' }): StripePaymentElement;
}

/** A Stripe.js instance. */
export interface StripeJs {
  elements(options: { clientSecret: string; locale?: string }): StripeElements;
  confirmPayment(options: {
    elements: StripeElements;
    confirmParams: { return_url: string };
  }): Promise<{ error?: { message?: string; type?: string } }>;
}

type StripeFactory = (publishableKey: string) => StripeJs;

/** Where Stripe.js is served from; Stripe requires loading it from there. */
const STRIPE_JS_URL = 'https://js.stripe.com/v3/';

let loading: Promise<StripeFactory | null> | undefined;

/**
 * Loads Stripe.js once per page, answering null when it cannot be reached within `timeoutMs`
 * (no connection to Stripe, or a blocker): the checkout then says card payment needs that
 * connection instead of waiting forever.
 */
export function loadStripe(publishableKey: string, timeoutMs = 8000): Promise<StripeJs | null> {
  loading ??= new Promise<StripeFactory | null>((resolve) => {
    const present = (window as { Stripe?: StripeFactory }).Stripe;
    if (present !== undefined) return resolve(present);
    const script = document.createElement('script');
    const timer = window.setTimeout(() => resolve(null), timeoutMs);
    script.src = STRIPE_JS_URL;
    script.async = true;
    script.addEventListener('load', () => {
      window.clearTimeout(timer);
      resolve((window as { Stripe?: StripeFactory }).Stripe ?? null);
    });
    script.addEventListener('error', () => {
      window.clearTimeout(timer);
      resolve(null);
    });
    document.head.append(script);
  }).then((factory) => {
    // A failed load may work later (the connection came back): the next checkout tries again.
    if (factory === null) loading = undefined;
    return factory;
  });
  return loading.then((factory) => (factory === null ? null : factory(publishableKey)));
}
