import type { CreditScope, Quote, VatIdVerification } from '@fanfare/domain';

/** Which order holds which discount code: the key of reserve, confirm and release. */
export interface DiscountRedemptionKey {
  tenantId: string;
  /** `AppliedDiscount.discountId` from the priced cart. */
  discountCodeId: string;
  orderId: string;
}

/** A redemption to hold for a checkout. */
export interface ReserveDiscountInput extends DiscountRedemptionKey {
  /** User id, or the buyer's email for a guest: what the per-customer limit counts. */
  customerKey: string;
  /** The instant the workflow priced the cart (ISO), so a retry judges the validity window alike. */
  at: string;
}

/** A redemption after reserve, confirm or release. */
export interface DiscountRedemptionResult {
  redemptionId: string;
  status: 'reserved' | 'confirmed' | 'released';
}

/**
 * Discount redemptions as checkout sees them. Reserve fails non-retryably with type
 * `DiscountCodeInvalid` and `details[0]` = `{ code, details }` with the domain code (`discount_exhausted`,
 * `discount_customer_limit`, `discount_expired`, …); confirm and release are idempotent and
 * answer null when the order holds no redemption of the code.
 */
export interface DiscountActivities {
  reserveDiscountRedemption(input: ReserveDiscountInput): Promise<DiscountRedemptionResult>;
  confirmDiscountRedemption(input: DiscountRedemptionKey): Promise<DiscountRedemptionResult | null>;
  releaseDiscountRedemption(input: DiscountRedemptionKey): Promise<DiscountRedemptionResult | null>;
}

/** What one FX refresh found. */
export interface FxRefreshResult {
  /** Reference date of the newest rates now stored. */
  asOf: string;
  source: string;
  /** False when that day was already stored. */
  stored: boolean;
  /** True when even the newest rates are older than the allowed age. */
  stale: boolean;
  ageHours: number;
  /** What operators should be told when `stale`. */
  warning: string | null;
}

/** Display-only exchange rates: the daily refresh from the configured ECB-format feed. */
export interface FxActivities {
  refreshFxRates(): Promise<FxRefreshResult>;
}

/** Registry lookups of business buyers' VAT ids. */
export interface VatActivities {
  /** Non-retryable `InvalidInput` for a malformed id; retried while the registry is down. */
  verifyVatId(input: { vatId: string }): Promise<VatIdVerification>;
}

/** The invoice of a paid order. */
export interface IssueInvoiceInput {
  tenantId: string;
  orderId: string;
  /** The domain quote the order was paid at (`priceCart(...).quote`). */
  quote: Quote;
  /** Who bought; name defaults to the email, address lines to none. */
  buyer: {
    userId: string | null;
    email: string;
    country: string;
    name?: string;
    addressLines?: string[];
    vatId?: string;
  };
  /** The instant of payment (ISO): the issue date, and the year of a number not yet given. */
  issuedAt: string;
}

/** A credit note for a refund of an order's invoice. */
export interface IssueCreditNoteInput {
  tenantId: string;
  orderId: string;
  /** One credit note per key (the refund id or the workflow's refund step key). */
  creditKey: string;
  /** All of the invoice, some lines, or an amount spread over the lines. */
  scope: CreditScope;
  /** Printed on the note: refund, chargeback, takedown. */
  reason: string;
  issuedAt: string;
}

/** An issued invoice or credit note. */
export interface IssuedInvoice {
  invoiceId: string;
  kind: 'invoice' | 'credit_note';
  number: string;
  currency: string;
  totalMinor: number;
}

/**
 * Invoices and credit notes, numbered from the tenant's gap-free yearly sequence (the one
 * `markOrderPaid` draws from; an order's existing number is reused). Idempotent by order (invoice)
 * and by `creditKey` (credit note). Non-retryable `OrderNotFound` and `InvalidInput`.
 */
export interface InvoiceActivities {
  issueInvoiceForOrder(input: IssueInvoiceInput): Promise<IssuedInvoice>;
  issueCreditNote(input: IssueCreditNoteInput): Promise<IssuedInvoice>;
}
