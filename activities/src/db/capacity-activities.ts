import { ApplicationFailure } from '@temporalio/common';
import { isDomainError } from '@fanfare/domain';
import { confirmTokenCapacity, releaseTokenCapacity, reserveTokenCapacity } from '@fanfare/db';
import { FailureType, type CapacityActivities } from '@fanfare/contracts';
import type { DbActivityDeps } from './asset-activities.js';
import { isUuid } from './deterministic-uuid.js';

function requireUuids(...values: string[]): void {
  // A malformed id would make PostgreSQL fail the same way on every retry.
  const bad = values.find((value) => !isUuid(value));
  if (bad !== undefined) throw ApplicationFailure.nonRetryable(`Malformed id ${bad}`, FailureType.invalidInput);
}

/**
 * Token-pack capacity for checkout: reserve when the order is created, confirm when it is paid,
 * release as compensation when it fails or expires. Each is idempotent by order id; each runs on
 * its own tenant-scoped fork of the EntityManager (`forTenant` in the repository).
 */
export function createCapacityActivities(deps: DbActivityDeps): CapacityActivities {
  return {
    async reserveTokenCapacity(input) {
      requireUuids(input.tenantId, input.orderId, ...input.lines.map((line) => line.productId));
      try {
        return await reserveTokenCapacity(deps.em, input);
      } catch (error) {
        // Capacity sold meanwhile stays sold on retry; the workflow tells the buyer why.
        if (isDomainError(error)) {
          const type = error.code === 'capacity_exhausted' ? FailureType.capacityExhausted : FailureType.invalidInput;
          throw ApplicationFailure.nonRetryable(error.message, type, { code: error.code, details: error.details });
        }
        throw error;
      }
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
