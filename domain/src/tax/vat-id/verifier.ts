import type { VatId } from './vat-id.js';

/**
 * The answer of an authoritative registry (EU VIES, HMRC "check a UK VAT number") about one VAT
 * id. Stored with the order as proof that reverse charge was justified.
 */
export interface VatIdVerification {
  /** The id asked about, normalized (`DE136695976`). */
  readonly vatId: string;
  /** Whether the registry says the id is currently valid. */
  readonly valid: boolean;
  /** When the registry answered (ISO instant). */
  readonly checkedAt: string;
  /** Which registry answered. */
  readonly registry: 'vies' | 'hmrc' | 'other';
  /** Trader name, where the registry discloses it. */
  readonly name?: string;
  /** Trader address, where the registry discloses it. */
  readonly address?: string;
  /** The registry's consultation/request number, the legal proof of the check. */
  readonly consultationNumber?: string;
}

/**
 * Port for the registry lookup; the VIES SOAP/REST adapter (and an HMRC one) live in
 * activities/, never in domain/. Implementations must throw (so the activity retries) when the
 * registry is unavailable, and answer `valid: false` only when the registry says so.
 */
export interface VatIdVerifier {
  /** Asks the registry whether `vatId` is valid now. */
  verify(vatId: VatId): Promise<VatIdVerification>;
}
