import type { VatId, VatIdVerification, VatIdVerifier } from '@fanfare/domain';

/** A verification that asked no registry: the id is only known to be well formed. */
export interface UnverifiedVatIdVerification extends VatIdVerification {
  /** Always false: nobody was asked. */
  readonly verified: false;
  /** Why, for logs and the order's evidence. */
  readonly note: string;
}

/**
 * The development `VatIdVerifier`: no network. It accepts every id that passed `parseVatId`
 * (format and check digits) and says plainly that no registry was asked, so nothing built on it
 * can pass for proof of a VIES check.
 */
export class UnverifiedVatIdVerifier implements VatIdVerifier {
  constructor(private readonly now: () => Date = () => new Date()) {}

  async verify(vatId: VatId): Promise<UnverifiedVatIdVerification> {
    return {
      vatId: vatId.normalized,
      valid: true,
      checkedAt: this.now().toISOString(),
      registry: 'other',
      verified: false,
      note: `Not verified: no VAT registry is configured; ${vatId.normalized} is only known to be well formed (${vatId.checkDigits}).`,
    };
  }
}
