import { DomainError } from '../errors.js';
import { isCurrencyCode } from '../money/currency.js';
import { percentToPpm } from '../money/percent.js';

/** What a discount reduces: the whole cart, or only some products in it. */
export type DiscountScope =
  | { readonly scope: 'cart' }
  | { readonly scope: 'products'; readonly productIds: readonly string[] };

/**
 * A tenant's discount code. Amounts are per currency because a fixed "5 off" means nothing
 * without one; a cart in a currency the code has no amount for cannot use it.
 */
export interface DiscountCode {
  /** Stable id, the key redemptions are counted under. */
  readonly id: string;
  /** What the buyer types; matched case-insensitively. */
  readonly code: string;
  /** Percent off, or a fixed amount off. */
  readonly kind: 'percent' | 'fixed';
  /** For `percent`: the percentage as a decimal string ("15", "12.5"). */
  readonly percent?: string;
  /** For `fixed`: minor units off, per currency. */
  readonly amountOff?: Readonly<Record<string, number>>;
  /** For `fixed`: off the order once (default), or off every eligible unit. */
  readonly fixedPer?: 'order' | 'unit';
  /** Which lines it reduces. */
  readonly appliesTo: DiscountScope;
  /** First instant it can be used (ISO 8601); open when absent. */
  readonly validFrom?: string;
  /** Instant it stops working (ISO 8601, exclusive); open when absent. */
  readonly validUntil?: string;
  /** Redemptions allowed across all buyers. */
  readonly maxRedemptions?: number;
  /** Redemptions allowed per buyer. */
  readonly perCustomerLimit?: number;
  /** Cart subtotal (before discount, in list terms) needed to use it, per currency. */
  readonly minimumSubtotal?: Readonly<Record<string, number>>;
}

function refuse(discount: DiscountCode, why: string): never {
  throw new DomainError('invalid_discount', `Discount ${discount.code}: ${why}`, { discountId: discount.id });
}

function checkAmounts(
  discount: DiscountCode,
  amounts: Readonly<Record<string, number>> | undefined,
  what: string,
): void {
  for (const [currency, amount] of Object.entries(amounts ?? {})) {
    if (!isCurrencyCode(currency)) refuse(discount, `${what} names unknown currency ${currency}`);
    if (!Number.isSafeInteger(amount) || amount <= 0) refuse(discount, `${what} must be positive minor units`);
  }
}

/**
 * Checks a discount definition is coherent (what an admin form must enforce before saving);
 * throws `invalid_discount`.
 */
export function validateDiscountCode(discount: DiscountCode): void {
  if (!/^[A-Za-z0-9_-]{2,40}$/.test(discount.code)) refuse(discount, 'a code is 2–40 letters, digits, - or _');
  if (discount.kind === 'percent') {
    if (discount.percent === undefined) refuse(discount, 'a percent discount needs `percent`');
    const ppm = percentToPpm(discount.percent);
    if (ppm === 0) refuse(discount, 'a percent discount must be above 0');
  } else {
    if (!discount.amountOff || Object.keys(discount.amountOff).length === 0)
      refuse(discount, 'a fixed discount needs `amountOff`');
    checkAmounts(discount, discount.amountOff, 'amountOff');
  }
  checkAmounts(discount, discount.minimumSubtotal, 'minimumSubtotal');
  for (const limit of [discount.maxRedemptions, discount.perCustomerLimit]) {
    if (limit !== undefined && (!Number.isSafeInteger(limit) || limit < 1))
      refuse(discount, 'limits must be positive integers');
  }
  const from = discount.validFrom === undefined ? undefined : Date.parse(discount.validFrom);
  const until = discount.validUntil === undefined ? undefined : Date.parse(discount.validUntil);
  if (Number.isNaN(from) || Number.isNaN(until)) refuse(discount, 'validity bounds must be ISO instants');
  if (from !== undefined && until !== undefined && from >= until) refuse(discount, 'validFrom must precede validUntil');
  if (discount.appliesTo.scope === 'products' && discount.appliesTo.productIds.length === 0) {
    refuse(discount, 'a product discount must name products');
  }
}

/** The code among `codes` the buyer typed, ignoring case and surrounding spaces; throws `unknown_discount`. */
export function findDiscountCode(codes: readonly DiscountCode[], typed: string): DiscountCode {
  const wanted = typed.trim().toUpperCase();
  const found = codes.find((d) => d.code.toUpperCase() === wanted);
  if (!found) throw new DomainError('unknown_discount', `No discount code "${typed}"`, { code: typed });
  return found;
}
