import type { Quote, TaxCountryDecision } from '@fanfare/domain';

/** One tax component on a priced line (the shape issue 4's `quote` returns). */
export interface QuoteTax {
  name: string;
  /** A percent string (`"8.25"`), as the money engine states rates. */
  rate: string;
  amount: number;
}

/** One priced line of a quote, in minor units of the quote's currency. */
export interface QuoteLine {
  productId: string;
  /** The creator whose earnings this line feeds. */
  creatorId: string;
  unitAmount: number;
  quantity: number;
  /** Units one item of a token pack grants (its capacity is reserved per unit); absent otherwise. */
  tokenAmount?: number;
  discount: number;
  tax: QuoteTax[];
  /** What the buyer pays for the line, tax included. */
  total: number;
}

/** A priced cart: the same shape as `@fanfare/domain`'s `quote`, so it drops in when that lands. */
export interface CheckoutQuote {
  currency: string;
  lines: QuoteLine[];
  subtotal: number;
  discount: number;
  tax: number;
  total: number;
  taxInclusive: boolean;
  reverseCharge: boolean;
  notes: string[];
  /** The discount code applied, whose redemption checkout reserves; null without one. */
  discountId: string | null;
  /** The money engine's own answer, which the invoice document is issued from. */
  engineQuote: Quote;
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

/** Order states checkout moves an order between (the `Order.status` words). */
export type CheckoutOrderStatus =
  | 'pending'
  | 'awaiting_payment'
  | 'paid'
  | 'expired'
  | 'failed'
  | 'refunded'
  | 'partially_refunded'
  | 'disputed';

/** Marks an order paid and gives it the tenant's next invoice number, once. */
export interface MarkOrderPaidInput {
  tenantId: string;
  orderId: string;
  paymentIntentId: string;
  feeMinor: number;
  /** The instant the workflow saw the payment, so a retry writes the same time. */
  paidAt: string;
}

/** One leg of a balanced ledger transaction, as checkout computes it. */
export interface CheckoutLedgerLeg {
  account: 'creator_pending' | 'platform_revenue' | 'processor_fees' | 'clearing';
  kind: 'sale' | 'platform_fee' | 'processor_fee' | 'refund' | 'reversal';
  amountMinor: number;
  creatorId: string | null;
}

/** Activities over orders, payments, invoice numbers and the ledger, as checkout sees them. */
export interface OrderActivities {
  /** Prices the cart; a refusal is non-retryable, typed with the money engine's code (`unknown_product`, …). */
  priceCheckout(input: PriceCheckoutInput): Promise<CheckoutQuote>;
  /** Writes the order and its lines once (`pending`); a retry finds the first row. */
  createOrder(input: CreateOrderInput): Promise<void>;
  /** Records the PaymentIntent for the order once. */
  recordPaymentIntent(input: {
    tenantId: string;
    orderId: string;
    paymentIntentId: string;
    amountMinor: number;
    currency: string;
  }): Promise<void>;
  /** Moves the order (and its payment, where it has one) to `status`. */
  setOrderStatus(input: { tenantId: string; orderId: string; status: CheckoutOrderStatus }): Promise<void>;
  /** Marks the order paid; returns its invoice number (the same one on every retry). */
  markOrderPaid(input: MarkOrderPaidInput): Promise<{ invoiceNumber: string }>;
  /** The tenant's platform fee in basis points. */
  tenantFeeBps(input: { tenantId: string }): Promise<number>;
  /** Writes one balanced transaction once per `transactionKey`. */
  recordLedgerEntries(input: {
    tenantId: string;
    orderId: string;
    currency: string;
    transactionKey: string;
    legs: CheckoutLedgerLeg[];
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
