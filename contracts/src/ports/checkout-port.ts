import type { LedgerLeg, OrderStatus, Quote, QuoteLine, TaxCountryDecision } from '@fanfare/domain';
import type { AuditEntry } from './audit-port.js';

/**
 * One priced line as checkout keeps it: the money engine's line plus whose earnings it feeds and,
 * for a token pack, how many units one item grants (its capacity is reserved per unit).
 */
export interface CheckoutQuoteLine extends QuoteLine {
  /** The creator whose earnings this line feeds. */
  creatorId: string;
  /** Units one item of a token pack grants; absent otherwise. */
  tokenAmount?: number;
}

/**
 * A priced cart: the money engine's `Quote` itself (one copy of the numbers, which the invoice is
 * issued from) plus what checkout must keep beside it.
 */
export interface CheckoutQuote extends Quote {
  readonly lines: readonly CheckoutQuoteLine[];
  /** The discount code applied, whose redemption checkout reserves; null without one. */
  discountId: string | null;
  /** Which rule chose the tax country from which evidence; absent in checkouts priced before it was kept. */
  taxDecision?: TaxCountryDecision;
}

/** What the buyer asked to buy. */
export interface CheckoutItem {
  productId: string;
  quantity: number;
}

/** Pricing input: the cart and the facts tax depends on. */
export interface PriceCheckoutInput {
  tenantId: string;
  items: CheckoutItem[];
  currency: string | null;
  country: string;
  region: string | null;
  discountCode: string | null;
  /** The buyer's user id or lower-cased email: per-customer discount limits count by it. */
  customerKey: string;
  /** Country of the buyer's IP, when the edge told us: evidence for the tax country. */
  ipCountry?: string | null;
}

/** The order row as checkout first writes it. */
export interface CreateOrderInput {
  tenantId: string;
  orderId: string;
  workflowId: string;
  idempotencyKey: string;
  buyer: { userId: string | null; email: string };
  country: string;
  quote: CheckoutQuote;
}

/** Marks an order paid and gives it the tenant's next invoice number, once. */
export interface MarkOrderPaidInput {
  tenantId: string;
  orderId: string;
  paymentIntentId: string;
  feeMinor: number;
  /** The instant the workflow saw the payment, so a retry writes the same time. */
  paidAt: string;
  /** The audit entry recording the payment, written in the same transaction with `invoiceNumber` added to its data. */
  audit?: AuditEntry;
}

/** Activities over orders, payments, invoice numbers and the ledger, as checkout sees them. */
export interface OrderActivities {
  /** Prices the cart; a refusal is non-retryable, typed with the money engine's code (`unknown_product`, …). */
  priceCheckout(input: PriceCheckoutInput): Promise<CheckoutQuote>;
  /** Writes the order and its lines once (`pending`); a retry finds the first row. */
  createOrder(input: CreateOrderInput): Promise<void>;
  /** `createOrder` and the audit entry that records it, in one transaction (one step of the workflow). */
  openOrder(input: CreateOrderInput & { audit: AuditEntry }): Promise<void>;
  /**
   * Records the PaymentIntent, moves the order `pending` → `awaiting_payment` and appends the audit
   * entry, in one transaction, once; a move the lifecycle refuses fails as `setOrderStatus` does.
   */
  recordAwaitingPayment(input: {
    tenantId: string;
    orderId: string;
    paymentIntentId: string;
    amountMinor: number;
    currency: string;
    audit: AuditEntry;
  }): Promise<void>;
  /** Records the PaymentIntent for the order once. */
  recordPaymentIntent(input: {
    tenantId: string;
    orderId: string;
    paymentIntentId: string;
    amountMinor: number;
    currency: string;
  }): Promise<void>;
  /**
   * Moves the order (and its payment, where it has one) to `status`. A move the order lifecycle does
   * not allow fails non-retryably with type `OrderTransitionRefused`.
   */
  setOrderStatus(input: { tenantId: string; orderId: string; status: OrderStatus }): Promise<void>;
  /**
   * Marks the order paid; returns its invoice number (the same one on every retry) and the tenant's
   * platform fee in basis points, which the sale's ledger legs need next.
   */
  markOrderPaid(input: MarkOrderPaidInput): Promise<{ invoiceNumber: string; platformFeeBps: number }>;
  /** The tenant's platform fee in basis points. */
  tenantFeeBps(input: { tenantId: string }): Promise<number>;
  /** Writes one balanced transaction once per `transactionKey`. */
  recordLedgerEntries(input: {
    tenantId: string;
    orderId: string;
    currency: string;
    transactionKey: string;
    legs: LedgerLeg[];
  }): Promise<void>;
}

/** A PaymentIntent as the browser needs it. */
export interface CreatedPaymentIntent {
  paymentIntentId: string;
  clientSecret: string;
}

/** Activities over the payment processor, as checkout sees them. Every write takes an idempotency key. */
export interface PaymentActivities {
  createPaymentIntent(input: {
    amountMinor: number;
    currency: string;
    idempotencyKey: string;
    receiptEmail: string;
    metadata: { tenantId: string; orderId: string; workflowId: string };
  }): Promise<CreatedPaymentIntent>;
  /** Cancels an unpaid PaymentIntent; one that already ended is left alone. */
  cancelPaymentIntent(input: { paymentIntentId: string; idempotencyKey: string }): Promise<void>;
  /** Refunds `amountMinor` of the PaymentIntent's charge. */
  createRefund(input: {
    paymentIntentId: string;
    amountMinor: number;
    idempotencyKey: string;
    metadata: { tenantId: string; orderId: string };
  }): Promise<{ refundId: string }>;
}
