import { formatMoney } from '@fanfare/domain';
import { useEffect, useState } from 'react';
import '../account/forms.css';
import { browserCart } from '../cart/cart-store';
import { apiFetch } from '../../lib/api-fetch';
import type { MessageKey } from '../../lib/i18n';
import { fill } from '../../lib/wording';
import { settleAttempt } from './checkout-attempt';
import {
  initialPollState,
  nextPollState,
  type CheckoutStatusBody,
  type PollState,
  type ResultView,
} from './status-poll';

/** The strings `CheckoutResult` shows. */
export const CHECKOUT_RESULT_LABELS = [
  'resultChecking',
  'resultAwaiting',
  'resultPaid',
  'resultPaidNoInvoice',
  'resultFailed',
  'resultExpired',
  'resultRefunded',
  'resultDisputed',
  'resultNotFound',
  'resultNoKey',
  'resultOffline',
  'resultError',
  'resultGaveUp',
  'goToLibrary',
  'backToCart',
  'total',
] as const satisfies readonly MessageKey[];

/** Props of `CheckoutResult`. */
export interface CheckoutResultProps {
  tenant: string;
  locale: string;
  /** Locale prefix of the page's links (`/fr-fr`). */
  base: string;
  labels: Record<(typeof CHECKOUT_RESULT_LABELS)[number], string>;
}

const MESSAGE: Record<Exclude<ResultView, 'paid'>, (typeof CHECKOUT_RESULT_LABELS)[number]> = {
  checking: 'resultChecking',
  awaiting_payment: 'resultAwaiting',
  failed: 'resultFailed',
  expired: 'resultExpired',
  refunded: 'resultRefunded',
  disputed: 'resultDisputed',
  not_found: 'resultNotFound',
  no_key: 'resultNoKey',
  offline: 'resultOffline',
  error: 'resultError',
  gave_up: 'resultGaveUp',
};

/**
 * Where Stripe (or the development payment) sends the buyer: reads `key` from the query string
 * and polls `GET /v1/checkout/status` with backoff until the order is paid, failed or expired,
 * saying where it stands in a live region. Paid: the order's products leave the cart.
 */
export default function CheckoutResult({ tenant, locale, base, labels }: CheckoutResultProps) {
  const [key, setKey] = useState<string | null>(null);
  const [state, setState] = useState<PollState>({ view: 'checking', polls: 0, status: null, nextDelayMs: null });

  useEffect(() => {
    const found = new URLSearchParams(window.location.search).get('key');
    setKey(found);
    setState(initialPollState(found));
  }, []);

  useEffect(() => {
    if (key === null || state.nextDelayMs === null) return;
    let cancelled = false;
    const poll = async () => {
      const answer = await apiFetch<CheckoutStatusBody>(
        `/v1/checkout/status?idempotencyKey=${encodeURIComponent(key)}`,
      );
      if (!cancelled) setState((current) => nextPollState(current, answer));
    };
    // Offline, the `online` event asks at once instead of waiting out the backoff.
    const timer = window.setTimeout(() => void poll(), state.nextDelayMs);
    const online = () => {
      window.clearTimeout(timer);
      void poll();
    };
    if (state.view === 'offline') window.addEventListener('online', online, { once: true });
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
      window.removeEventListener('online', online);
    };
  }, [key, state]);

  useEffect(() => {
    if (key === null) return;
    if (state.view === 'paid') {
      const paid = settleAttempt(window.sessionStorage, tenant, key);
      const cart = browserCart(tenant);
      for (const productId of paid?.productIds ?? []) cart.remove(productId);
    } else if (state.view === 'failed' || state.view === 'expired') {
      // The cart stays; its next checkout must not reuse this spent key.
      settleAttempt(window.sessionStorage, tenant, key);
    }
  }, [key, state.view, tenant]);

  const totals = state.status?.totals;
  const message =
    state.view === 'paid'
      ? state.status?.invoiceNumber
        ? fill(labels.resultPaid, { invoice: state.status.invoiceNumber })
        : labels.resultPaidNoInvoice
      : labels[MESSAGE[state.view]];

  return (
    <div className="checkout-result">
      <p role="status" aria-live="polite" className="status-line" data-testid="checkout-status" data-view={state.view}>
        {message}
      </p>
      {state.view === 'paid' && totals !== undefined && (
        <p>
          {labels.total}: <strong>{formatMoney({ amount: totals.total, currency: totals.currency }, locale)}</strong>
        </p>
      )}
      {state.view === 'paid' && (
        <p>
          <a
            className="button"
            href={`${base}/library/${state.status === null ? '' : `?order=${encodeURIComponent(state.status.orderId)}`}`}
            data-testid="go-to-library"
          >
            {labels.goToLibrary}
          </a>
        </p>
      )}
      {(state.view === 'failed' || state.view === 'expired') && (
        <p>
          <a href={`${base}/cart/`}>{labels.backToCart}</a>
        </p>
      )}
    </div>
  );
}
