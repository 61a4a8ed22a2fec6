import { DomainError, type DiscountUsage } from '@fanfare/domain';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DiscountCode } from '../entities/discount-code.entity.js';
import { DiscountRedemption, type DiscountRedemptionStatus } from '../entities/discount-redemption.entity.js';
import { forTenant } from '../tenancy/tenant-scope.js';
import { settleReservations } from './reservations.js';

/** What a checkout holds a redemption for. */
export interface RedemptionRequest {
  /** Tenant owning the code. */
  readonly tenantId: string;
  /** The code's id (`AppliedDiscount.discountId`). */
  readonly discountCodeId: string;
  /** The order the redemption belongs to: the idempotency key of reserve, confirm and release. */
  readonly orderId: string;
  /** User id, or lower-cased email for a guest. */
  readonly customerKey: string;
  /** When the checkout asks (validity window). */
  readonly now: Date;
}

/** A redemption as reserve/confirm/release report it. */
export interface RedemptionState {
  /** Row id. */
  readonly redemptionId: string;
  /** Where it is now. */
  readonly status: DiscountRedemptionStatus;
}

const HELD: DiscountRedemptionStatus[] = ['reserved', 'confirmed'];

/**
 * How often a code is held (reserved or confirmed), overall and by one buyer, not counting
 * `exceptOrderId`'s own redemption: what `quote` takes as `discountUsage`.
 */
export async function discountUsage(
  em: EntityManager,
  tenantId: string,
  discountCodeId: string,
  customerKey: string | undefined,
  exceptOrderId?: string,
): Promise<DiscountUsage> {
  const scoped = forTenant(em, tenantId);
  const base = {
    discountCodeId,
    status: { $in: HELD },
    ...(exceptOrderId === undefined ? {} : { orderId: { $ne: exceptOrderId } }),
  };
  const [redemptions, customerRedemptions] = await Promise.all([
    scoped.count(DiscountRedemption, base),
    customerKey === undefined
      ? 0
      : scoped.count(DiscountRedemption, { ...base, customerKey: customerKey.toLowerCase() }),
  ]);
  return { redemptions, customerRedemptions };
}

function checkLimits(code: DiscountCode, usage: DiscountUsage, now: Date): void {
  const details = { code: code.code };
  if (!code.active) throw new DomainError('unknown_discount', `No discount code "${code.code}"`, details);
  if (code.validFrom != null && now < code.validFrom)
    throw new DomainError('discount_not_started', `${code.code} has not started`, details);
  if (code.validUntil != null && now >= code.validUntil)
    throw new DomainError('discount_expired', `${code.code} has expired`, details);
  if (code.maxRedemptions != null && usage.redemptions >= code.maxRedemptions) {
    throw new DomainError('discount_exhausted', `${code.code} has been used up`, {
      ...details,
      maxRedemptions: code.maxRedemptions,
    });
  }
  if (code.perCustomerLimit != null && usage.customerRedemptions >= code.perCustomerLimit) {
    throw new DomainError('discount_customer_limit', `You have already used ${code.code}`, {
      ...details,
      perCustomerLimit: code.perCustomerLimit,
    });
  }
}

/**
 * Holds one redemption of a code for an order. The code's row is locked for the transaction, so
 * concurrent reservations of one code are counted one after another and `maxRedemptions` is
 * never exceeded. Idempotent by order: a second call finds the held redemption; a released one
 * is held again if the limits still allow. Throws `DomainError` (`unknown_discount`,
 * `discount_not_started`, `discount_expired`, `discount_exhausted`, `discount_customer_limit`).
 */
export async function reserveDiscountRedemption(
  em: EntityManager,
  request: RedemptionRequest,
): Promise<RedemptionState> {
  return forTenant(em, request.tenantId).transactional(async (tx) => {
    const scoped = forTenant(tx, request.tenantId);
    const code = await scoped.findOne(
      DiscountCode,
      { id: request.discountCodeId },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (code === null)
      throw new DomainError('unknown_discount', 'No such discount code', { discountCodeId: request.discountCodeId });
    const existing = await scoped.findOne(DiscountRedemption, { discountCodeId: code.id, orderId: request.orderId });
    if (existing !== null && existing.status !== 'released')
      return { redemptionId: existing.id, status: existing.status };
    const usage = await discountUsage(scoped, request.tenantId, code.id, request.customerKey, request.orderId);
    checkLimits(code, usage, request.now);
    const row =
      existing ??
      scoped.create(DiscountRedemption, {
        discountCodeId: code.id,
        orderId: request.orderId,
        customerKey: request.customerKey.toLowerCase(),
      });
    row.status = 'reserved';
    await scoped.flush();
    return { redemptionId: row.id, status: row.status };
  });
}

/** Settles the order's redemption of a code (null when it holds none); see `settleReservations`. */
async function move(
  em: EntityManager,
  tenantId: string,
  discountCodeId: string,
  orderId: string,
  to: 'confirmed' | 'released',
): Promise<RedemptionState | null> {
  const [row] = await settleReservations(em, tenantId, DiscountRedemption, { discountCodeId, orderId }, to);
  return row === undefined ? null : { redemptionId: row.id, status: row.status };
}

/** Makes an order's reserved redemption final (the order was paid). */
export function confirmDiscountRedemption(
  em: EntityManager,
  tenantId: string,
  discountCodeId: string,
  orderId: string,
): Promise<RedemptionState | null> {
  return move(em, tenantId, discountCodeId, orderId, 'confirmed');
}

/** Gives an unpaid order's reserved redemption back (checkout compensation). */
export function releaseDiscountRedemption(
  em: EntityManager,
  tenantId: string,
  discountCodeId: string,
  orderId: string,
): Promise<RedemptionState | null> {
  return move(em, tenantId, discountCodeId, orderId, 'released');
}
