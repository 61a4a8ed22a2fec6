import { ApplicationFailure } from '@temporalio/common';
import { FailureType } from '@fanfare/contracts';
import { isUuid } from './deterministic-uuid.js';

/**
 * Refuses, for good, an activity input whose ids are not UUIDs: PostgreSQL would fail the same
 * way on every retry, so retrying only delays the workflow's compensation.
 */
export function requireUuids(...values: string[]): void {
  const bad = values.find((value) => !isUuid(value));
  if (bad !== undefined) throw ApplicationFailure.nonRetryable(`Malformed id ${bad}`, FailureType.invalidInput);
}
