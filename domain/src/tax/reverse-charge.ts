import { DomainError } from '../errors.js';
import { isEuMember } from '../geo/countries.js';
import type { Note } from '../notes.js';
import type { VatId } from './vat-id/vat-id.js';
import type { VatIdVerification } from './vat-id/verifier.js';

/** The facts that decide whether a business buyer accounts for the VAT itself. */
export interface ReverseChargeInput {
  /** Country whose tax applies to the sale. */
  readonly taxCountry: string;
  /** The buyer's VAT id, already parsed. */
  readonly buyerVatId?: VatId;
  /** Country where the seller of record is established. */
  readonly sellerCountry: string;
  /** A registry answer for the buyer's id, when the checkout asked one. */
  readonly verification?: VatIdVerification;
}

/** Whether reverse charge applies and the legal mention the invoice must then carry. */
export interface ReverseChargeDecision {
  /** True when no VAT is charged because the buyer self-accounts for it. */
  readonly applies: boolean;
  /** The mention for the invoice when it applies. */
  readonly note?: Note;
}

/** Legal mention for EU B2B supplies of services (Directive 2006/112/EC art. 196 and 226(11a)). */
export const EU_REVERSE_CHARGE_NOTE: Note = {
  code: 'reverse_charge',
  message: 'Reverse charge: VAT to be accounted for by the recipient (Article 196, Council Directive 2006/112/EC).',
};

/** Legal mention for UK B2B supplies of services from abroad (VAT Act 1994 s. 8). */
export const UK_REVERSE_CHARGE_NOTE: Note = {
  code: 'reverse_charge',
  message: 'Reverse charge: customer to account for VAT to HMRC (section 8, VAT Act 1994).',
};

/**
 * Reverse charge applies to a business buyer with a well-formed VAT id of the tax country when
 * the seller is not established there (EU member states and the UK). A registry answer of
 * "invalid" refuses the id with `vat_id_rejected`; an id of another country than the one taxed
 * is `vat_id_country_mismatch` (the supply is taxed where the business is established).
 */
export function decideReverseCharge(input: ReverseChargeInput): ReverseChargeDecision {
  const { buyerVatId: vatId, taxCountry, sellerCountry, verification } = input;
  if (!vatId) return { applies: false };
  if (vatId.country !== taxCountry) {
    throw new DomainError('vat_id_country_mismatch', `VAT id ${vatId.normalized} is not from ${taxCountry}`, {
      vatId: vatId.normalized,
      vatIdCountry: vatId.country,
      taxCountry,
    });
  }
  if (verification && verification.vatId === vatId.normalized && !verification.valid) {
    throw new DomainError(
      'vat_id_rejected',
      `The ${verification.registry} registry does not know ${vatId.normalized}`,
      {
        vatId: vatId.normalized,
        registry: verification.registry,
        checkedAt: verification.checkedAt,
      },
    );
  }
  if (sellerCountry === taxCountry) return { applies: false };
  if (isEuMember(taxCountry)) return { applies: true, note: EU_REVERSE_CHARGE_NOTE };
  if (taxCountry === 'GB') return { applies: true, note: UK_REVERSE_CHARGE_NOTE };
  return { applies: false };
}
