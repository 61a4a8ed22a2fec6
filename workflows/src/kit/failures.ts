import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';

/**
 * The named, non-retryable failure behind an activity error (a local activity's failure may arrive
 * unwrapped, a remote one inside an `ActivityFailure`), or undefined for anything else, which the
 * caller should rethrow: only named failures are business answers.
 */
export function namedFailure(error: unknown): ApplicationFailure | undefined {
  const cause = error instanceof ActivityFailure ? error.cause : error;
  return cause instanceof ApplicationFailure && cause.nonRetryable === true ? cause : undefined;
}
