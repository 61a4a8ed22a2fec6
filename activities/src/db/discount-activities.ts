import { confirmDiscountRedemption, releaseDiscountRedemption, reserveDiscountRedemption } from '@fanfare/db';
import { FailureType, type DiscountActivities } from '@fanfare/contracts';
import type { DbActivityDeps } from './asset-activities.js';
import { requireUuids } from './require-uuids.js';
import { reserveOrRefuse } from './reservation-refusal.js';

/**
 * Discount redemptions for checkout: reserve when the order is created, confirm when it is paid,
 * release as compensation when it fails or expires. Each is idempotent by order id.
 */
export function createDiscountActivities(deps: DbActivityDeps): DiscountActivities {
  return {
    async reserveDiscountRedemption(input) {
      requireUuids(input.tenantId, input.discountCodeId, input.orderId);
      // A used-up or expired code stays so on retry; the workflow tells the buyer which.
      return reserveOrRefuse(
        () => reserveDiscountRedemption(deps.em, { ...input, now: new Date(input.at) }),
        () => FailureType.discountCodeInvalid,
      );
    },
    async confirmDiscountRedemption(input) {
      requireUuids(input.tenantId, input.discountCodeId, input.orderId);
      return confirmDiscountRedemption(deps.em, input.tenantId, input.discountCodeId, input.orderId);
    },
    async releaseDiscountRedemption(input) {
      requireUuids(input.tenantId, input.discountCodeId, input.orderId);
      return releaseDiscountRedemption(deps.em, input.tenantId, input.discountCodeId, input.orderId);
    },
  };
}
