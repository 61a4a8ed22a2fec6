import { confirmTokenCapacity, releaseTokenCapacity, reserveTokenCapacity } from '@fanfare/db';
import { FailureType, type CapacityActivities } from '@fanfare/contracts';
import type { DbActivityDeps } from './asset-activities.js';
import { requireUuids } from './require-uuids.js';
import { reserveOrRefuse } from './reservation-refusal.js';

/**
 * Token-pack capacity for checkout: reserve when the order is created, confirm when it is paid,
 * release as compensation when it fails or expires. Each is idempotent by order id; each runs on
 * its own tenant-scoped fork of the EntityManager (`forTenant` in the repository).
 */
export function createCapacityActivities(deps: DbActivityDeps): CapacityActivities {
  return {
    async reserveTokenCapacity(input) {
      requireUuids(input.tenantId, input.orderId, ...input.lines.map((line) => line.productId));
      // Capacity sold meanwhile stays sold on retry; the workflow tells the buyer why.
      return reserveOrRefuse(
        () => reserveTokenCapacity(deps.em, input),
        (code) => (code === 'capacity_exhausted' ? FailureType.capacityExhausted : FailureType.invalidInput),
      );
    },
    async confirmTokenCapacity(input) {
      requireUuids(input.tenantId, input.orderId);
      return confirmTokenCapacity(deps.em, input.tenantId, input.orderId);
    },
    async releaseTokenCapacity(input) {
      requireUuids(input.tenantId, input.orderId);
      return releaseTokenCapacity(deps.em, input.tenantId, input.orderId);
    },
  };
}
