import { DomainError } from '../errors.js';
import { allocate } from '../money/allocate.js';
import { applyPpm, percentToPpm } from '../money/percent.js';
import { validateDiscountCode, type DiscountCode } from './discount-code.js';

/** A cart line as the discount engine sees it. */
export interface DiscountableLine {
  /** Product on the line. */
  readonly productId: string;
  /** Units bought. */
  readonly quantity: number;
  /** Unit amount × quantity in minor units, in the quote's display terms (gross where prices include tax). */
  readonly amount: number;
}

/**
 * How often a code was used, counting redemptions the checkout has reserved but not yet
 * completed; the database supplies these, reservations are made and released by the workflow.
 */
export interface DiscountUsage {
  /** Redemptions by everyone. */
  readonly redemptions: number;
  /** Redemptions by this buyer. */
  readonly customerRedemptions: number;
}

/** What a code takes off, line by line. */
export interface AppliedDiscount {
  /** Id of the code, for reserving a redemption. */
  readonly discountId: string;
  /** The code as defined by the tenant. */
  readonly code: string;
  /** Minor units off each line, in the order given; never more than the line. */
  readonly perLine: readonly number[];
  /** Sum of `perLine`. */
  readonly total: number;
}

/** The circumstances a code is used in. */
export interface DiscountContext {
  /** Cart currency. */
  readonly currency: string;
  /** When the buyer uses it. */
  readonly now: Date;
  /** How often it was used so far; absent means never. */
  readonly usage?: DiscountUsage;
}

function checkUsable(discount: DiscountCode, lines: readonly DiscountableLine[], context: DiscountContext): void {
  const at = context.now.getTime();
  const details = { code: discount.code };
  if (discount.validFrom !== undefined && at < Date.parse(discount.validFrom)) {
    throw new DomainError('discount_not_started', `${discount.code} starts at ${discount.validFrom}`, {
      ...details,
      validFrom: discount.validFrom,
    });
  }
  if (discount.validUntil !== undefined && at >= Date.parse(discount.validUntil)) {
    throw new DomainError('discount_expired', `${discount.code} expired at ${discount.validUntil}`, {
      ...details,
      validUntil: discount.validUntil,
    });
  }
  const usage = context.usage ?? { redemptions: 0, customerRedemptions: 0 };
  if (discount.maxRedemptions !== undefined && usage.redemptions >= discount.maxRedemptions) {
    throw new DomainError('discount_exhausted', `${discount.code} has been used up`, {
      ...details,
      maxRedemptions: discount.maxRedemptions,
    });
  }
  if (discount.perCustomerLimit !== undefined && usage.customerRedemptions >= discount.perCustomerLimit) {
    throw new DomainError('discount_customer_limit', `You have already used ${discount.code}`, {
      ...details,
      perCustomerLimit: discount.perCustomerLimit,
    });
  }
  if (discount.kind === 'fixed' && discount.amountOff?.[context.currency] === undefined) {
    throw new DomainError('discount_currency_mismatch', `${discount.code} has no amount in ${context.currency}`, {
      ...details,
      currency: context.currency,
    });
  }
  if (discount.minimumSubtotal !== undefined) {
    const minimum = discount.minimumSubtotal[context.currency];
    if (minimum === undefined) {
      throw new DomainError('discount_currency_mismatch', `${discount.code} has no minimum in ${context.currency}`, {
        ...details,
        currency: context.currency,
      });
    }
    const subtotal = lines.reduce((sum, l) => sum + l.amount, 0);
    if (subtotal < minimum) {
      throw new DomainError('minimum_not_met', `${discount.code} needs a subtotal of at least ${minimum}`, {
        ...details,
        minimum,
        subtotal,
        currency: context.currency,
      });
    }
  }
}

/**
 * What `discount` takes off `lines`, applied before tax. Percent codes round the total
 * half-up once and spread it over the eligible lines by largest remainder, so the per-line
 * amounts always add up to the advertised discount; fixed codes are capped at what the
 * eligible lines cost, so no line or total goes negative. Throws `discount_not_started`,
 * `discount_expired`, `discount_exhausted`, `discount_customer_limit`,
 * `discount_currency_mismatch`, `minimum_not_met` or `discount_not_applicable`.
 */
export function applyDiscount(
  discount: DiscountCode,
  lines: readonly DiscountableLine[],
  context: DiscountContext,
): AppliedDiscount {
  validateDiscountCode(discount);
  checkUsable(discount, lines, context);
  const scope = discount.appliesTo;
  const eligible = lines.map((l) => (scope.scope === 'cart' || scope.productIds.includes(l.productId) ? l.amount : 0));
  const eligibleTotal = eligible.reduce((sum, a) => sum + a, 0);
  if (scope.scope === 'products' && !lines.some((l) => scope.productIds.includes(l.productId))) {
    throw new DomainError('discount_not_applicable', `${discount.code} does not apply to anything in the cart`, {
      code: discount.code,
    });
  }

  let perLine: number[];
  if (discount.kind === 'percent') {
    const total = applyPpm(eligibleTotal, percentToPpm(discount.percent ?? '0'));
    perLine = eligibleTotal === 0 ? eligible.map(() => 0) : allocate(total, eligible);
  } else if ((discount.fixedPer ?? 'order') === 'unit') {
    const off = discount.amountOff?.[context.currency] ?? 0;
    perLine = lines.map((l, i) => Math.min((eligible[i] ?? 0) > 0 ? off * l.quantity : 0, eligible[i] ?? 0));
  } else {
    const total = Math.min(discount.amountOff?.[context.currency] ?? 0, eligibleTotal);
    perLine = eligibleTotal === 0 ? eligible.map(() => 0) : allocate(total, eligible);
  }
  return { discountId: discount.id, code: discount.code, perLine, total: perLine.reduce((s, a) => s + a, 0) };
}
