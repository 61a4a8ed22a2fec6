import { ApplicationFailure } from '@temporalio/common';
import { isDomainError, parseVatId, type VatId, type VatIdVerifier } from '@fanfare/domain';
import { FailureType, type VatActivities } from '@fanfare/contracts';

/** What the VAT id lookup needs: the registry adapter chosen by configuration. */
export interface VatActivityDeps {
  vatIdVerifier: VatIdVerifier;
}

/** Registry lookups of a business buyer's VAT id, for reverse charge. */
export function createVatActivities(deps: VatActivityDeps): VatActivities {
  return {
    async verifyVatId({ vatId }) {
      let parsed: VatId;
      try {
        parsed = parseVatId(vatId);
      } catch (error) {
        // A malformed id stays malformed: no registry and no retry can fix it.
        if (isDomainError(error))
          throw ApplicationFailure.nonRetryable(error.message, FailureType.invalidInput, {
            code: error.code,
            details: error.details,
          });
        throw error;
      }
      return deps.vatIdVerifier.verify(parsed);
    },
  };
}
