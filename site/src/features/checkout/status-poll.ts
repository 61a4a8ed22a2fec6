import { isOrderStatus, type OrderStatus } from '@fanfare/domain';
import type { ApiResult } from '../../lib/api-fetch';

/** `GET /v1/checkout/status` answer. */
export interface CheckoutStatusBody {
  orderId: string;
  status: OrderStatus;
  totals: { subtotal: number; discount: number; tax: number; total: number; currency: string };
  invoiceNumber: string | null;
  paidAt: string | null;
}

/** What the result page says. */
export type ResultView =
  | 'checking'
  | 'awaiting_payment'
  | 'paid'
  | 'failed'
  | 'expired'
  | 'refunded'
  | 'disputed'
  | 'not_found'
  | 'no_key'
  | 'offline'
  | 'error'
  | 'gave_up';

/** The poller's state: what to show, and when to ask again (null: never). */
export interface PollState {
  view: ResultView;
  polls: number;
  status: CheckoutStatusBody | null;
  nextDelayMs: number | null;
}

/** Backoff and patience of the poller. */
export interface PollPolicy {
  firstDelayMs: number;
  maxDelayMs: number;
  factor: number;
  /** After this many answers without an outcome the page stops and asks for a reload. */
  maxPolls: number;
}

/** 1 s, then ×1.5 up to 10 s; about a quarter of an hour in all, half the payment window. */
export const DEFAULT_POLL_POLICY: PollPolicy = { firstDelayMs: 1000, maxDelayMs: 10_000, factor: 1.5, maxPolls: 100 };

/** The state before the first request. */
export function initialPollState(key: string | null): PollState {
  return key === null || key === ''
    ? { view: 'no_key', polls: 0, status: null, nextDelayMs: null }
    : { view: 'checking', polls: 0, status: null, nextDelayMs: 0 };
}

/**
 * What the page shows for each order status: the domain's lifecycle, so a new status must be
 * placed here before the site compiles. Null: the buyer has not paid yet, keep asking.
 */
const VIEW_FOR: Record<OrderStatus, ResultView | null> = {
  pending: null,
  awaiting_payment: null,
  paid: 'paid',
  failed: 'failed',
  expired: 'expired',
  refunded: 'refunded',
  partially_refunded: 'refunded',
  disputed: 'disputed',
};

/**
 * The next state after an answer of `GET /v1/checkout/status`: stop on an outcome (paid with
 * its invoice number, failed, expired, refunded, disputed) or an unknown key; otherwise ask again with backoff,
 * saying "offline" or "could not check" meanwhile, and give up after `maxPolls`.
 */
export function nextPollState(
  state: PollState,
  answer: ApiResult<CheckoutStatusBody>,
  policy: PollPolicy = DEFAULT_POLL_POLICY,
): PollState {
  const polls = state.polls + 1;
  const delay = Math.min(policy.maxDelayMs, Math.round(policy.firstDelayMs * policy.factor ** (polls - 1)));
  if (answer.ok) {
    const status: unknown = answer.body.status;
    const final = isOrderStatus(status) ? (VIEW_FOR[status] ?? undefined) : undefined;
    // The invoice is issued just after the payment lands: keep asking a while for its number.
    const invoicePending = final === 'paid' && answer.body.invoiceNumber === null && polls < policy.maxPolls;
    if (final !== undefined)
      return { view: final, polls, status: answer.body, nextDelayMs: invoicePending ? policy.firstDelayMs : null };
    if (polls >= policy.maxPolls) return { view: 'gave_up', polls, status: answer.body, nextDelayMs: null };
    return { view: 'awaiting_payment', polls, status: answer.body, nextDelayMs: delay };
  }
  // 404: no such checkout here; 400: a key that could never be one (edited by hand).
  if (answer.status === 404 || answer.status === 400)
    return { view: 'not_found', polls, status: null, nextDelayMs: null };
  if (polls >= policy.maxPolls) return { ...state, view: 'gave_up', polls, nextDelayMs: null };
  return { ...state, view: answer.status === 0 ? 'offline' : 'error', polls, nextDelayMs: delay };
}
