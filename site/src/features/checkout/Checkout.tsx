import { formatMoney } from '@fanfare/domain';
import { useEffect, useId, useState, type FormEvent } from 'react';
import '../account/forms.css';
import { useSession } from '../account/use-session';
import { useCart } from '../cart/use-cart';
import { apiFetch } from '../../lib/api-fetch';
import type { MessageKey } from '../../lib/i18n';
import { fill, retryWhen } from '../../lib/wording';
import { billingCountries, SUBDIVISION_NAMES, type CountryOption } from './billing-countries';
import CardPayment from './CardPayment';
import { attemptFor, settleAttempt } from './checkout-attempt';
import { CHECKOUT_ERROR_LABELS, checkoutErrorWording, problemWording, type Wording } from './checkout-errors';
import type { PaymentOptions } from './payment-options';
import {
  checkoutContent,
  eulaVersionFor,
  regionsOf,
  type CheckoutContent,
  type CheckoutForm,
  type CheckoutProblem,
  type EulaVersions,
} from './checkout-request';

/** The strings `Checkout` shows. */
export const CHECKOUT_LABELS = [
  ...CHECKOUT_ERROR_LABELS,
  'checkoutTitle',
  'emailLabel',
  'emailSignedIn',
  'countryLabel',
  'regionLabel',
  'choose',
  'acceptEula',
  'eulaLink',
  'pay',
  'starting',
  'orderSummary',
  'subtotal',
  'discount',
  'tax',
  'total',
  'cardLoading',
  'cardUnreachable',
  'cardNotConfigured',
  'payAmount',
  'devPay',
  'completing',
  'devPayNote',
] as const satisfies readonly MessageKey[];

/** Props of `Checkout`. */
export interface CheckoutProps {
  tenant: string;
  locale: string;
  /** Locale prefix of the page's links (`/fr-fr`). */
  base: string;
  /** The billing country offered first (the locale's region). */
  defaultCountry: string;
  eula: EulaVersions;
  /** Baked in at build time (`paymentOptionsFrom(process.env)` in the page). */
  payments: PaymentOptions;
  labels: Record<(typeof CHECKOUT_LABELS)[number], string>;
}

/** `POST /v1/checkout` answer. */
interface CheckoutAnswer {
  orderId: string;
  status: string;
  totals: { subtotal: number; discount: number; tax: number; total: number; currency: string };
  payment: { provider: 'stripe'; paymentIntentId: string; clientSecret: string };
}

type Phase = 'form' | 'starting' | 'ordered' | 'completing';

// An order in one of these can never be paid: the same content needs a new key, hence a new order.
const SPENT = new Set(['expired', 'failed']);

/**
 * The checkout under the cart lines: email, billing country (and state or province where tax
 * depends on it), licence acceptance, Pay. Pay starts the checkout with an idempotency key kept
 * per tab, then shows the API's totals and the payment: Stripe's Payment Element, or in
 * development builds the test payment. Both end on the result page, which empties the cart.
 */
export default function Checkout({ tenant, locale, base, defaultCountry, eula, payments, labels }: CheckoutProps) {
  const { lines } = useCart(tenant);
  const { session, store: sessions } = useSession(tenant);
  const [countries, setCountries] = useState<CountryOption[]>([]);
  const [form, setForm] = useState<CheckoutForm>({
    email: '',
    country: defaultCountry,
    region: '',
    eulaAccepted: false,
  });
  const [problems, setProblems] = useState<CheckoutProblem[]>([]);
  const [error, setError] = useState<Wording | null>(null);
  const [phase, setPhase] = useState<Phase>('form');
  const [order, setOrder] = useState<{ key: string; answer: CheckoutAnswer } | null>(null);
  const id = useId();

  // Names come from the browser's Intl, after hydration, so the server-rendered markup matches.
  useEffect(() => setCountries(billingCountries(locale)), [locale]);
  // A different cart or buyer is a different order: back to the form.
  const signature = `${lines.map((l) => `${l.productId}:${l.quantity}:${l.currency}`).join(',')}|${session?.email ?? ''}`;
  useEffect(() => {
    setOrder(null);
    setPhase('form');
  }, [signature]);

  if (lines.length === 0) return null;

  const resultHref = (key: string) => `${base}/checkout/result/?key=${encodeURIComponent(key)}`;
  const update = (change: Partial<CheckoutForm>) => {
    setForm((current) => ({ ...current, ...change }));
    // Other answers make another order: the shown totals and payment no longer apply.
    if (phase === 'ordered') {
      setOrder(null);
      setPhase('form');
    }
  };
  const fieldId = (name: string) => `${id}-${name}`;
  const invalid = (problem: CheckoutProblem) => problems.includes(problem);

  const start = async (content: CheckoutContent, renewed: boolean): Promise<void> => {
    const attempt = attemptFor(window.sessionStorage, tenant, content, session?.email ?? content.email ?? '', () =>
      crypto.randomUUID(),
    );
    const answer = await apiFetch<CheckoutAnswer>('/v1/checkout', {
      method: 'POST',
      body: { ...content, idempotencyKey: attempt.key },
      token: session?.token ?? null,
    });
    if (!answer.ok) {
      if (answer.status === 401) sessions?.signOut();
      setError(checkoutErrorWording(answer, (seconds) => retryWhen(seconds, locale)));
      setPhase('form');
      return;
    }
    if (answer.body.status === 'paid') return window.location.assign(resultHref(attempt.key));
    if (SPENT.has(answer.body.status) && !renewed) {
      settleAttempt(window.sessionStorage, tenant, attempt.key);
      return start(content, true);
    }
    setOrder({ key: attempt.key, answer: answer.body });
    setPhase('ordered');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (phase === 'starting' || phase === 'completing') return;
    const built = checkoutContent(lines, form, { signedIn: session !== null, eula });
    if (!built.ok) {
      setProblems(built.problems);
      const [first] = built.problems;
      const fieldOf: Partial<Record<CheckoutProblem, string>> = {
        email: 'email',
        country: 'country',
        region: 'region',
        eula: 'eula',
      };
      const field = first === undefined ? undefined : fieldOf[first];
      setError(field === undefined && first !== undefined ? problemWording(first) : null);
      if (field !== undefined) document.getElementById(fieldId(field))?.focus();
      return;
    }
    setProblems([]);
    setError(null);
    setPhase('starting');
    await start(built.content, false);
  };

  const completeTestPayment = async () => {
    if (order === null) return;
    setPhase('completing');
    setError(null);
    const answer = await apiFetch<{ delivered: boolean }>('/v1/dev/checkout/complete-payment', {
      method: 'POST',
      body: { idempotencyKey: order.key },
    });
    if (answer.ok) return window.location.assign(resultHref(order.key));
    setError(checkoutErrorWording(answer, (seconds) => retryWhen(seconds, locale)));
    setPhase('ordered');
  };

  const regions = regionsOf(form.country);
  const version = eulaVersionFor(lines, eula);
  const [beforeLink = '', afterLink = ''] = labels.acceptEula.split('{link}');
  const money = (amount: number, currency: string) => formatMoney({ amount, currency }, locale);
  const busy = phase === 'starting' || phase === 'completing';
  const statusText = phase === 'starting' ? labels.starting : phase === 'completing' ? labels.completing : '';
  const problemText = (problem: CheckoutProblem) => (invalid(problem) ? labels[problemWording(problem).label] : null);

  return (
    <section className="checkout" aria-labelledby={fieldId('title')} data-testid="checkout">
      <h2 id={fieldId('title')}>{labels.checkoutTitle}</h2>
      <form className="checkout-form" onSubmit={submit} noValidate>
        <label htmlFor={fieldId('email')}>{labels.emailLabel}</label>
        <input
          id={fieldId('email')}
          type="email"
          name="email"
          autoComplete="email"
          required={session === null}
          readOnly={session !== null}
          value={session?.email ?? form.email}
          onChange={(event) => update({ email: event.currentTarget.value })}
          aria-invalid={invalid('email')}
          aria-describedby={fieldId('email-note')}
          data-testid="checkout-email"
        />
        <p id={fieldId('email-note')} className={invalid('email') ? 'field-error' : 'muted'}>
          {problemText('email') ?? (session === null ? null : labels.emailSignedIn)}
        </p>

        <label htmlFor={fieldId('country')}>{labels.countryLabel}</label>
        <select
          id={fieldId('country')}
          name="country"
          autoComplete="country"
          value={form.country}
          onChange={(event) => update({ country: event.currentTarget.value, region: '' })}
          aria-invalid={invalid('country')}
          aria-describedby={fieldId('country-error')}
          data-testid="checkout-country"
        >
          {countries.length === 0 ? (
            <option value={form.country}>{form.country}</option>
          ) : (
            countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))
          )}
        </select>
        <p id={fieldId('country-error')} className="field-error">
          {problemText('country')}
        </p>

        {regions.length > 0 && (
          <>
            <label htmlFor={fieldId('region')}>{labels.regionLabel}</label>
            <select
              id={fieldId('region')}
              name="region"
              autoComplete="address-level1"
              required
              value={form.region}
              onChange={(event) => update({ region: event.currentTarget.value })}
              aria-invalid={invalid('region')}
              aria-describedby={fieldId('region-error')}
              data-testid="checkout-region"
            >
              <option value="">{labels.choose}</option>
              {regions.map((code) => (
                <option key={code} value={code}>
                  {SUBDIVISION_NAMES[form.country]?.[code] ?? code}
                </option>
              ))}
            </select>
            <p id={fieldId('region-error')} className="field-error">
              {problemText('region')}
            </p>
          </>
        )}

        <label className="check">
          <input
            id={fieldId('eula')}
            type="checkbox"
            name="eula"
            required
            checked={form.eulaAccepted}
            onChange={(event) => update({ eulaAccepted: event.currentTarget.checked })}
            aria-invalid={invalid('eula')}
            aria-describedby={fieldId('eula-error')}
            data-testid="checkout-eula"
          />
          <span>
            {beforeLink}
            <a href={`${base}/eula/`} target="_blank" rel="noopener">
              {labels.eulaLink}
            </a>
            {fill(afterLink, { version })}
          </span>
        </label>
        <p id={fieldId('eula-error')} className="field-error">
          {problemText('eula')}
        </p>

        {phase === 'form' || phase === 'starting' ? (
          <button type="submit" className="button" disabled={busy} data-testid="checkout-pay">
            {labels.pay}
          </button>
        ) : null}
      </form>

      <p role="status" data-testid="checkout-progress">
        {statusText}
      </p>
      <p role="alert" className="error" data-testid="checkout-error">
        {error === null ? null : fill(labels[error.label], error.values)}
      </p>

      {order !== null && (phase === 'ordered' || phase === 'completing') && (
        <div className="payment" data-testid="checkout-payment">
          <h3>{labels.orderSummary}</h3>
          <dl className="totals" data-testid="checkout-totals">
            <dt>{labels.subtotal}</dt>
            <dd>{money(order.answer.totals.subtotal, order.answer.totals.currency)}</dd>
            {order.answer.totals.discount > 0 && (
              <>
                <dt>{labels.discount}</dt>
                <dd>−{money(order.answer.totals.discount, order.answer.totals.currency)}</dd>
              </>
            )}
            <dt>{labels.tax}</dt>
            <dd>{money(order.answer.totals.tax, order.answer.totals.currency)}</dd>
            <dt className="grand">{labels.total}</dt>
            <dd className="grand" data-testid="checkout-total">
              {money(order.answer.totals.total, order.answer.totals.currency)}
            </dd>
          </dl>
          {payments.stripePublishableKey === null ? (
            <p role="status" className="status-line" data-testid="card-status">
              {labels.cardNotConfigured}
            </p>
          ) : (
            <CardPayment
              publishableKey={payments.stripePublishableKey}
              clientSecret={order.answer.payment.clientSecret}
              locale={locale}
              returnUrl={new URL(resultHref(order.key), window.location.origin).href}
              labels={{
                cardLoading: labels.cardLoading,
                cardUnreachable: labels.cardUnreachable,
                payButton: fill(labels.payAmount, {
                  amount: money(order.answer.totals.total, order.answer.totals.currency),
                }),
              }}
            />
          )}
          {payments.devPayments && (
            <div>
              <button
                type="button"
                className="button"
                onClick={completeTestPayment}
                disabled={busy}
                data-testid="dev-pay"
              >
                {labels.devPay}
              </button>
              <p className="muted">{labels.devPayNote}</p>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
