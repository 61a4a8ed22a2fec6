import type { FailureType } from '@fanfare/contracts';
import { isDomainError } from '@fanfare/domain';
import { ApplicationFailure } from '@temporalio/common';

/**
 * Runs a reservation (a discount use, token capacity); a domain refusal (used up, expired…) stays
 * so on every retry, so it becomes a non-retryable failure of `type` whose first detail is
 * `{ code, details }`: the workflow tells the buyer the domain's reason.
 */
export async function reserveOrRefuse<T>(reserve: () => Promise<T>, typeOf: (code: string) => FailureType): Promise<T> {
  try {
    return await reserve();
  } catch (error) {
    if (!isDomainError(error)) throw error;
    throw ApplicationFailure.nonRetryable(error.message, typeOf(error.code), {
      code: error.code,
      details: error.details,
    });
  }
}
