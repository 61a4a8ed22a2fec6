import { DomainError, type DomainErrorCode } from '@fanfare/domain';

/** The code of the DomainError `run` throws, undefined when it returns; other errors propagate. */
export function codeOf(run: () => unknown): DomainErrorCode | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return undefined;
}
