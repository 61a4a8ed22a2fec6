import { useEffect, useRef, useState } from 'react';
import { loadStripe, type StripeElements, type StripeJs } from './stripe-js';

/** Props of `CardPayment`. */
export interface CardPaymentProps {
  publishableKey: string;
  clientSecret: string;
  /** Absolute URL Stripe sends the buyer back to after confirming (3-D Secure and the like). */
  returnUrl: string;
  locale: string;
  labels: { cardLoading: string; cardUnreachable: string; payButton: string };
}

type CardState = 'loading' | 'ready' | 'unreachable' | 'confirming';

/**
 * Stripe's Payment Element for the order's PaymentIntent. Stripe.js is fetched from
 * js.stripe.com when this mounts; if it cannot be reached the buyer is told so instead.
 */
export default function CardPayment({ publishableKey, clientSecret, returnUrl, locale, labels }: CardPaymentProps) {
  const target = useRef<HTMLDivElement>(null);
  const stripe = useRef<{ js: StripeJs; elements: StripeElements } | null>(null);
  const [state, setState] = useState<CardState>('loading');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    let destroy = () => {};
    void loadStripe(publishableKey).then((js) => {
      if (cancelled) return;
      if (js === null || target.current === null) return setState('unreachable');
      const elements = js.elements({ clientSecret, locale });
      const element = elements.create('payment', { layout: 'tabs' });
      element.mount(target.current);
      destroy = () => element.destroy();
      stripe.current = { js, elements };
      setState('ready');
    });
    return () => {
      cancelled = true;
      destroy();
    };
  }, [publishableKey, clientSecret, locale]);

  const confirm = async () => {
    if (stripe.current === null) return;
    setState('confirming');
    setError(null);
    // On success Stripe redirects to `returnUrl`; only a refusal comes back here.
    const result = await stripe.current.js.confirmPayment({
      elements: stripe.current.elements,
      confirmParams: { return_url: returnUrl },
    });
    setError(result.error?.message ?? null);
    setState('ready');
  };

  const status = state === 'loading' ? labels.cardLoading : state === 'unreachable' ? labels.cardUnreachable : null;
  return (
    <div className="card-payment">
      <p
        role="status"
        className={status === null ? undefined : 'status-line'}
        data-testid="card-status"
        data-state={state}
      >
        {status}
      </p>
      <div ref={target} hidden={state === 'unreachable' || state === 'loading'} />
      {(state === 'ready' || state === 'confirming') && (
        <button type="button" className="button" onClick={confirm} disabled={state === 'confirming'}>
          {labels.payButton}
        </button>
      )}
      <p role="alert" className="error">
        {error}
      </p>
    </div>
  );
}
