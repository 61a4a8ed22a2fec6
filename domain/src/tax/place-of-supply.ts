import { DomainError } from '../errors.js';
import { assertCountry } from '../geo/countries.js';

/**
 * Where a consumer of electronic services lives decides whose tax applies (EU Directive
 * 2006/112/EC art. 58, with the evidence rules of Implementing Regulation 282/2011 art. 24b and
 * 24f: two non-contradictory pieces of evidence). Fanfare keeps each piece it has and records
 * which rule chose the country, so an auditor can follow the decision.
 */

/** The pieces of location evidence a checkout can gather; each optional. */
export interface LocationEvidence {
  /** Country of the billing address the buyer gave. */
  readonly billingCountry?: string;
  /** Country of the buyer's IP address (geolocation at checkout). */
  readonly ipCountry?: string;
  /** Issuing country of the payment card (from the payment processor). */
  readonly cardCountry?: string;
}

/** Which rule picked the tax country. */
export type TaxCountryRule =
  | 'billing_confirmed_by_card'
  | 'billing_confirmed_by_ip'
  | 'card_and_ip_agree'
  | 'billing_conflicting_evidence'
  | 'billing_only'
  | 'card_only'
  | 'ip_only';

/** The chosen tax country, the rule that chose it, and the evidence it saw. */
export interface TaxCountryDecision {
  /** Country whose tax applies. */
  readonly country: string;
  /** Rule that chose it. */
  readonly rule: TaxCountryRule;
  /** True when two pieces of evidence agree on the country, as EU rules expect. */
  readonly corroborated: boolean;
  /** Every piece of evidence considered, normalized to upper case. */
  readonly evidence: LocationEvidence;
}

function clean(code: string | undefined): string | undefined {
  if (code === undefined || code.trim() === '') return undefined;
  return assertCountry(code.trim().toUpperCase());
}

/**
 * Picks the tax country from the evidence, in this order: billing address confirmed by the card
 * or the IP; card and IP agreeing against the billing address (two pieces outweigh one); the
 * billing address alone or against disagreeing evidence; the card alone; the IP alone. Throws
 * `insufficient_location_evidence` when there is nothing, `unknown_country` for a bad code.
 */
export function chooseTaxCountry(evidence: LocationEvidence): TaxCountryDecision {
  const billing = clean(evidence.billingCountry);
  const ip = clean(evidence.ipCountry);
  const card = clean(evidence.cardCountry);
  const seen: LocationEvidence = {
    ...(billing ? { billingCountry: billing } : {}),
    ...(ip ? { ipCountry: ip } : {}),
    ...(card ? { cardCountry: card } : {}),
  };
  const decide = (country: string, rule: TaxCountryRule, corroborated: boolean): TaxCountryDecision => ({
    country,
    rule,
    corroborated,
    evidence: seen,
  });

  if (billing && card === billing) return decide(billing, 'billing_confirmed_by_card', true);
  if (billing && ip === billing) return decide(billing, 'billing_confirmed_by_ip', true);
  if (card && ip === card) return decide(card, 'card_and_ip_agree', true);
  if (billing) return decide(billing, card || ip ? 'billing_conflicting_evidence' : 'billing_only', false);
  if (card) return decide(card, 'card_only', false);
  if (ip) return decide(ip, 'ip_only', false);
  throw new DomainError('insufficient_location_evidence', 'No billing, IP or card country to tax by');
}
