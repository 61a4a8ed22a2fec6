import { CA_PROVINCES, type OrderStatus, US_STATES } from '@fanfare/domain';
import { describe, expect, it } from 'vitest';
import { SessionStore, isLive, readSession, sessionKey, type Session } from '../src/features/account/session-store.js';
import { signIn } from '../src/features/account/sign-in.js';
import type { CartLine } from '../src/features/cart/cart-store.js';
import { SUBDIVISION_NAMES, billingCountries } from '../src/features/checkout/billing-countries.js';
import { attemptFor, attemptKey, fingerprintOf, settleAttempt } from '../src/features/checkout/checkout-attempt.js';
import { checkoutErrorWording, problemWording } from '../src/features/checkout/checkout-errors.js';
import {
  checkoutContent,
  eulaVersionFor,
  eulaVersionsOf,
  type CheckoutForm,
} from '../src/features/checkout/checkout-request.js';
import { paymentEnv, paymentOptionsFrom } from '../src/features/checkout/payment-options.js';
import {
  DEFAULT_POLL_POLICY,
  initialPollState,
  nextPollState,
  type CheckoutStatusBody,
  type PollState,
} from '../src/features/checkout/status-poll.js';
import {
  downloadErrorWording,
  downloadableAssets,
  statusWording,
  type LibraryEntitlement,
} from '../src/features/library/library-view.js';
import { apiFetch, type ApiResult, type Fetch } from '../src/lib/api-fetch.js';
import { LOCALES, labelsFor, t } from '../src/lib/i18n.js';
import { fill, humanSize, retryWhen } from '../src/lib/wording.js';

const memory = () => {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
};
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const refusal = (
  status: number,
  code: string,
  retryAfterSeconds: number | null = null,
): Extract<ApiResult<unknown>, { ok: false }> => ({
  ok: false,
  status,
  code,
  message: code,
  details: {},
  retryAfterSeconds,
});

describe('session store', () => {
  const now = new Date('2026-11-22T12:00:00Z');
  const session: Session = { token: 'jwt', expiresAt: '2026-11-22T13:00:00Z', email: 'ada@example.com' };

  it('keeps a session per tenant and tells subscribers', () => {
    const storage = memory();
    const aurora = new SessionStore(storage, 'aurora', () => now);
    const seen: (string | null)[] = [];
    aurora.subscribe((s) => seen.push(s?.email ?? null));
    aurora.signIn(session);
    expect(aurora.token()).toBe('jwt');
    expect(new SessionStore(storage, 'aurora', () => now).email()).toBe('ada@example.com');
    expect(new SessionStore(storage, 'inkwell', () => now).token()).toBeNull();
    aurora.signOut();
    expect(seen).toEqual(['ada@example.com', null]);
    expect(storage.data.has(sessionKey('aurora'))).toBe(false);
  });

  it('drops an expired session, from storage too, and treats the last 30 s as expired', () => {
    const storage = memory();
    storage.setItem(sessionKey('aurora'), JSON.stringify({ ...session, expiresAt: '2026-11-22T11:59:00Z' }));
    expect(new SessionStore(storage, 'aurora', () => now).token()).toBeNull();
    expect(storage.data.has(sessionKey('aurora'))).toBe(false);
    expect(isLive({ ...session, expiresAt: '2026-11-22T12:00:20Z' }, now)).toBe(false);
    expect(isLive({ ...session, expiresAt: '2026-11-22T12:01:00Z' }, now)).toBe(true);
  });

  it('expires a session while the page is open', () => {
    const storage = memory();
    let clock = now;
    const store = new SessionStore(storage, 'aurora', () => clock);
    store.signIn(session);
    const seen: (Session | null)[] = [];
    store.subscribe((s) => seen.push(s));
    clock = new Date('2026-11-22T13:00:00Z');
    expect(store.token()).toBeNull();
    expect(seen).toEqual([null]);
  });

  it('ignores malformed storage', () => {
    const storage = memory();
    storage.setItem(sessionKey('aurora'), '{not json');
    expect(readSession(storage, 'aurora', now)).toBeNull();
    storage.setItem(sessionKey('aurora'), JSON.stringify({ token: 1 }));
    expect(readSession(storage, 'aurora', now)).toBeNull();
  });

  it('signs in through POST /v1/dev/token as a buyer (fake fetch)', async () => {
    const calls: { url: string; init: RequestInit | undefined }[] = [];
    const fetcher: Fetch = async (url, init) => {
      calls.push({ url, init });
      return json(200, {
        token: 'jwt',
        expiresAt: '2026-11-22T13:00:00.000Z',
        user: { email: 'ada@example.com' },
        creator: null,
      });
    };
    const answer = await signIn(' ada@example.com ', fetcher);
    expect(answer).toEqual({
      ok: true,
      status: 200,
      body: { token: 'jwt', expiresAt: '2026-11-22T13:00:00.000Z', email: 'ada@example.com' },
    });
    expect(calls[0]?.url).toBe('/v1/dev/token');
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({ email: 'ada@example.com', role: 'buyer' });
  });
});

describe('api fetch', () => {
  it('reads the API error shape, the retry-after header, and a lost connection', async () => {
    const limited = await apiFetch('/v1/x', {}, async () =>
      json(
        429,
        { error: { code: 'rate_limited', message: 'slow down', details: { limit: 3 } } },
        { 'retry-after': '42' },
      ),
    );
    expect(limited).toMatchObject({
      ok: false,
      status: 429,
      code: 'rate_limited',
      retryAfterSeconds: 42,
      details: { limit: 3 },
    });
    const proxy = await apiFetch(
      '/v1/x',
      {},
      async () => new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    );
    expect(proxy).toMatchObject({ ok: false, status: 502, code: 'http_502' });
    const offline = await apiFetch('/v1/x', {}, async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(offline).toMatchObject({ ok: false, status: 0, code: 'offline' });
  });

  it('sends the bearer token and a JSON body', async () => {
    let seen: RequestInit | undefined;
    await apiFetch('/v1/x', { method: 'POST', body: { a: 1 }, token: 'jwt' }, async (_url, init) => {
      seen = init;
      return json(201, {});
    });
    expect(seen?.headers).toMatchObject({ authorization: 'Bearer jwt', 'content-type': 'application/json' });
    expect(seen?.body).toBe('{"a":1}');
  });
});

const line = (productId: string, currency = 'USD'): CartLine => ({
  productId,
  slug: productId,
  title: productId,
  amount: 100,
  currency,
  quantity: 1,
});
const form: CheckoutForm = { email: 'ada@example.com', country: 'DE', region: '', eulaAccepted: true };
const eula = { current: '2026-01', byProduct: {} };

describe('checkout request', () => {
  it('builds the body for a guest: items, the cart currency, email and licence version', () => {
    const built = checkoutContent([line('p1'), line('p2')], form, { signedIn: false, eula });
    expect(built).toEqual({
      ok: true,
      content: {
        items: [
          { productId: 'p1', quantity: 1 },
          { productId: 'p2', quantity: 1 },
        ],
        currency: 'USD',
        country: 'DE',
        email: 'ada@example.com',
        eulaAccepted: { version: '2026-01' },
      },
    });
  });

  it('leaves the email to the account when signed in, and sends the region only where tax needs it', () => {
    const built = checkoutContent(
      [line('p1')],
      { ...form, email: '', country: 'US', region: 'NY' },
      { signedIn: true, eula },
    );
    expect(built.ok && built.content).toMatchObject({ country: 'US', region: 'NY' });
    expect(built.ok && 'email' in built.content).toBe(false);
    const gb = checkoutContent([line('p1')], { ...form, country: 'GB', region: 'NY' }, { signedIn: true, eula });
    expect(gb.ok && 'region' in gb.content).toBe(false);
  });

  it('lists every problem before sending', () => {
    const built = checkoutContent(
      [line('p1', 'USD'), line('p2', 'EUR')],
      { email: 'nope', country: 'CA', region: 'XX', eulaAccepted: false },
      { signedIn: false, eula },
    );
    expect(built).toEqual({ ok: false, problems: ['mixed_currencies', 'email', 'region', 'eula'] });
    expect(checkoutContent([], form, { signedIn: false, eula })).toEqual({ ok: false, problems: ['cart_empty'] });
  });

  it('accepts the newest licence version among the cart’s products', () => {
    const versions = eulaVersionsOf([
      { id: 'p1', eulaVersion: '2' },
      { id: 'p2', eulaVersion: '10' },
      { id: 'p3', eulaVersion: '10' },
    ]);
    expect(versions).toEqual({ current: '10', byProduct: { p1: '2' } });
    expect(eulaVersionFor([line('p1')], versions)).toBe('2');
    expect(eulaVersionFor([line('p1'), line('p3')], versions)).toBe('10');
  });

  it('offers every state and province the money engine knows, named', () => {
    expect(Object.keys(SUBDIVISION_NAMES.US ?? {}).sort()).toEqual([...US_STATES].sort());
    expect(Object.keys(SUBDIVISION_NAMES.CA ?? {}).sort()).toEqual([...CA_PROVINCES].sort());
    const countries = billingCountries('de-DE');
    expect(countries.find((c) => c.code === 'DE')?.name).toBe('Deutschland');
    expect(countries.filter((c) => ['EU', 'UK', 'DD', 'YU', 'XA', 'XB'].includes(c.code))).toEqual([]);
    expect(countries.find((c) => c.code === 'XK')?.name).toBe('Kosovo');
    expect(new Set(countries.map((c) => c.name)).size).toBe(countries.length);
    expect(countries.length).toBeGreaterThan(240);
  });
});

describe('checkout attempt (idempotency key per tab)', () => {
  const content = {
    items: [
      { productId: 'p2', quantity: 1 },
      { productId: 'p1', quantity: 1 },
    ],
    currency: 'USD',
    country: 'DE',
    eulaAccepted: { version: '1' },
  };
  let n = 0;
  const newKey = () => `key-${++n}`;

  it('reuses the key for the same cart, answers and buyer (reload, double click), and makes a new one otherwise', () => {
    const storage = memory();
    const first = attemptFor(storage, 'aurora', content, 'ada@example.com', newKey);
    expect(
      attemptFor(storage, 'aurora', { ...content, items: [...content.items].reverse() }, 'ADA@example.com', newKey).key,
    ).toBe(first.key);
    expect(attemptFor(storage, 'aurora', { ...content, country: 'FR' }, 'ada@example.com', newKey).key).not.toBe(
      first.key,
    );
    expect(attemptFor(storage, 'aurora', { ...content, country: 'FR' }, 'bob@example.com', newKey).key).not.toBe(
      first.key,
    );
    expect(fingerprintOf(content, 'a')).not.toBe(fingerprintOf({ ...content, currency: 'EUR' }, 'a'));
  });

  it('settles only the stored attempt, answering its products', () => {
    const storage = memory();
    const attempt = attemptFor(storage, 'aurora', content, 'ada@example.com', newKey);
    expect(settleAttempt(storage, 'aurora', 'another-key')).toBeNull();
    expect(settleAttempt(storage, 'aurora', attempt.key)?.productIds).toEqual(['p2', 'p1']);
    expect(storage.data.has(attemptKey('aurora'))).toBe(false);
    expect(attemptFor(storage, 'aurora', content, 'ada@example.com', newKey).key).not.toBe(attempt.key);
  });
});

describe('checkout error wording', () => {
  const when = (s: number) => `in ${s} s`;

  it('words refusals by domain code first, then by status', () => {
    expect(checkoutErrorWording(refusal(400, 'region_required'), when).label).toBe('errRegion');
    expect(checkoutErrorWording(refusal(422, 'capacity_exhausted'), when).label).toBe('errSoldOut');
    expect(checkoutErrorWording(refusal(422, 'product_not_for_sale'), when).label).toBe('errNotForSale');
    expect(checkoutErrorWording(refusal(422, 'discount_expired'), when)).toEqual({
      label: 'errRefused',
      values: { code: 'discount_expired', when: 'in 60 s' },
    });
    expect(checkoutErrorWording(refusal(400, 'invalid_type'), when).label).toBe('errInvalid');
    expect(checkoutErrorWording(refusal(503, 'service_unavailable'), when).label).toBe('errUnavailable');
    expect(checkoutErrorWording(refusal(502, 'api_unreachable'), when).label).toBe('errUnavailable');
    expect(checkoutErrorWording(refusal(0, 'offline'), when).label).toBe('errOffline');
    expect(checkoutErrorWording(refusal(401, 'token_expired'), when).label).toBe('errSessionExpired');
    expect(checkoutErrorWording(refusal(409, 'checkout_not_payable'), when).label).toBe('errNotPayable');
    expect(checkoutErrorWording(refusal(429, 'rate_limited', 12), when).values.when).toBe('in 12 s');
    expect(problemWording('mixed_currencies').label).toBe('probMixedCurrencies');
  });

  it('has every string in all four languages, placeholders intact', () => {
    for (const locale of LOCALES) {
      const labels = labelsFor(locale, ['errRateLimited', 'acceptEula', 'resultPaid'] as const);
      expect(labels.errRateLimited).toContain('{when}');
      expect(labels.acceptEula).toContain('{link}');
      expect(fill(labels.resultPaid, { invoice: 'AUR-2026-000001' })).toContain('AUR-2026-000001');
    }
    expect(t('en-US', 'eulaLink')).toBe('license terms');
    expect(t('en-GB', 'eulaLink')).toBe('licence terms');
  });
});

describe('checkout status polling', () => {
  const body = (status: OrderStatus, invoiceNumber: string | null = null): ApiResult<CheckoutStatusBody> => ({
    ok: true,
    status: 200,
    body: {
      orderId: 'o1',
      status,
      totals: { subtotal: 100, discount: 0, tax: 0, total: 100, currency: 'USD' },
      invoiceNumber,
      paidAt: null,
    },
  });

  it('waits with backoff while awaiting payment and stops when paid', () => {
    let state: PollState = initialPollState('k1');
    expect(state).toMatchObject({ view: 'checking', nextDelayMs: 0 });
    const delays: (number | null)[] = [];
    for (let i = 0; i < 8; i += 1) {
      state = nextPollState(state, body(i === 0 ? 'pending' : 'awaiting_payment'));
      delays.push(state.nextDelayMs);
    }
    expect(state.view).toBe('awaiting_payment');
    expect(delays).toEqual([1000, 1500, 2250, 3375, 5063, 7594, 10_000, 10_000]);
    state = nextPollState(state, body('paid'));
    expect(state).toMatchObject({ view: 'paid', nextDelayMs: 1000 });
    state = nextPollState(state, body('paid', 'AUR-2026-000001'));
    expect(state).toMatchObject({ view: 'paid', nextDelayMs: null, status: { invoiceNumber: 'AUR-2026-000001' } });
  });

  it('stops on failed, expired and refunded, and on an unknown key', () => {
    for (const [status, view] of [
      ['failed', 'failed'],
      ['expired', 'expired'],
      ['refunded', 'refunded'],
      ['partially_refunded', 'refunded'],
      ['disputed', 'disputed'],
    ] as const) {
      expect(nextPollState(initialPollState('k'), body(status))).toMatchObject({ view, nextDelayMs: null });
    }
    // A status this build does not know yet (an API newer than the page) is not an outcome: ask again.
    const pending = body('pending');
    const unknown = pending.ok ? { ...pending, body: { ...pending.body, status: 'on_hold' as OrderStatus } } : pending;
    expect(nextPollState(initialPollState('k'), unknown)).toMatchObject({
      view: 'awaiting_payment',
      nextDelayMs: 1000,
    });
    expect(nextPollState(initialPollState('k'), refusal(404, 'not_found'))).toMatchObject({
      view: 'not_found',
      nextDelayMs: null,
    });
    expect(nextPollState(initialPollState('k'), refusal(400, 'invalid_type'))).toMatchObject({
      view: 'not_found',
      nextDelayMs: null,
    });
    expect(initialPollState(null)).toMatchObject({ view: 'no_key', nextDelayMs: null });
  });

  it('keeps trying while offline or on server errors, keeping what it knew, and gives up after maxPolls', () => {
    const known = nextPollState(initialPollState('k'), body('awaiting_payment'));
    const offline = nextPollState(known, refusal(0, 'offline'));
    expect(offline).toMatchObject({ view: 'offline', nextDelayMs: 1500, status: { status: 'awaiting_payment' } });
    expect(nextPollState(offline, refusal(503, 'service_unavailable'))).toMatchObject({
      view: 'error',
      nextDelayMs: 2250,
    });
    const patience = { ...DEFAULT_POLL_POLICY, maxPolls: 3 };
    let state = initialPollState('k');
    for (let i = 0; i < 3; i += 1) state = nextPollState(state, body('awaiting_payment'), patience);
    expect(state).toMatchObject({ view: 'gave_up', nextDelayMs: null });
  });
});

describe('library', () => {
  const entitlement = (status: LibraryEntitlement['status'], download = true): LibraryEntitlement => ({
    id: 'e1',
    orderId: 'o1',
    status,
    grantedAt: '2026-11-22T10:00:00Z',
    expiresAt: null,
    rights: { download, stream: true, deviceLimit: 3, downloadLimit: 5, usageUsed: 0 },
    product: { id: 'p1', title: 'Tidal', slug: 'tidal', kind: 'digital', mediaType: 'music' },
    assets: [{ id: 'a1', filename: 'tidal.mp3', contentType: 'audio/mpeg', sizeBytes: 4_200_000 }],
  });

  it('offers downloads only for active entitlements that grant them, and says why not', () => {
    expect(downloadableAssets(entitlement('active'))).toHaveLength(1);
    expect(downloadableAssets(entitlement('revoked'))).toEqual([]);
    expect(downloadableAssets(entitlement('active', false))).toEqual([]);
    expect(statusWording(entitlement('revoked'))).toEqual({ badge: 'statusRevoked', note: 'revokedNote' });
    expect(statusWording(entitlement('active'))).toEqual({ badge: 'statusActive', note: null });
  });

  it('words refused download links, with the retry-after for 429', () => {
    expect(downloadErrorWording(refusal(429, 'rate_limited', 42))).toEqual({
      label: 'downloadRateLimited',
      retryAfterSeconds: 42,
    });
    expect(downloadErrorWording(refusal(403, 'forbidden')).label).toBe('downloadForbidden');
    expect(downloadErrorWording(refusal(404, 'not_found')).label).toBe('downloadNotFound');
    expect(downloadErrorWording(refusal(401, 'token_expired')).label).toBe('errSessionExpired');
    expect(downloadErrorWording(refusal(0, 'offline')).label).toBe('needsConnection');
    expect(downloadErrorWording(refusal(503, 'service_unavailable')).label).toBe('downloadFailed');
  });

  it('says sizes and retry times the locale’s way', () => {
    expect(humanSize(4_200_000, 'en-US')).toBe('4.2 MB');
    expect(humanSize(4_200_000, 'fr-FR')).toMatch(/^4,2\s?Mo$/);
    expect(humanSize(512, 'en-GB')).toBe('512 byte');
    expect(retryWhen(42, 'en-GB')).toBe('in 42 seconds');
    expect(retryWhen(42, 'de-DE')).toBe('in 42 Sekunden');
    expect(retryWhen(150, 'fr-FR')).toBe('dans 3 minutes');
  });
});

describe('payment options of a build', () => {
  it('round-trips through the build environment and refuses a key of the wrong shape', () => {
    expect(paymentOptionsFrom(paymentEnv({ stripePublishableKey: 'pk_test_abc', devPayments: true }))).toEqual({
      stripePublishableKey: 'pk_test_abc',
      devPayments: true,
    });
    expect(paymentOptionsFrom({})).toEqual({ stripePublishableKey: null, devPayments: false });
    expect(
      paymentOptionsFrom({ FANFARE_SITE_STRIPE_PUBLISHABLE_KEY: 'sk_test_secret' }).stripePublishableKey,
    ).toBeNull();
  });
});
