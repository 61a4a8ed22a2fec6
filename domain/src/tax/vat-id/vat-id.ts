import { DomainError } from '../../errors.js';
import { VAT_ID_RULES, type VatIdRule } from './national-rules.js';

/** A VAT identification number that passed its format and, where defined, its check digits. */
export interface VatId {
  /** ISO 3166-1 country it belongs to (`GR` for an `EL` number). */
  readonly country: string;
  /** Prefix as written (`EL`, `XI`, `CHE`). */
  readonly prefix: string;
  /** National part, compacted and normalized. */
  readonly number: string;
  /** Prefix + national part, the form VIES and invoices use. */
  readonly normalized: string;
  /** `verified` when check digits were tested, `format_only` where none is defined here. */
  readonly checkDigits: 'verified' | 'format_only';
}

/** Why a string is not a VAT id. */
export type VatIdProblem = 'unknown_prefix' | 'bad_format' | 'bad_check_digits';

// Longest prefix first so that "CHE" wins over a hypothetical "CH".
const RULES = [...VAT_ID_RULES].sort((a, b) => b.prefix.length - a.prefix.length);

/** Removes what people type around a VAT number: spaces, dots, dashes, slashes, colons. */
export function compactVatId(raw: string): string {
  return raw.toUpperCase().replace(/[\s.\-/:,()]/g, '');
}

function ruleFor(compact: string): VatIdRule | undefined {
  return RULES.find((r) => compact.startsWith(r.prefix));
}

/** The problem with `raw` as a VAT id, or undefined when it is well formed. */
export function vatIdProblem(raw: string): VatIdProblem | undefined {
  try {
    parseVatId(raw);
    return undefined;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'malformed_vat_id') {
      return error.details.problem as VatIdProblem;
    }
    throw error;
  }
}

/**
 * Parses and checks a VAT id written with its country prefix ("DE 136 695 976", "EL094259216",
 * "CHE-116.281.710 MWST"). Throws `malformed_vat_id` with `details.problem` set to the reason.
 * A well-formed id may still be unregistered: that is the `VatIdVerifier`'s question.
 */
export function parseVatId(raw: string): VatId {
  const compact = compactVatId(raw);
  const rule = ruleFor(compact);
  const refuse = (problem: VatIdProblem, why: string): never => {
    throw new DomainError('malformed_vat_id', why, { vatId: raw, problem });
  };
  if (!rule) return refuse('unknown_prefix', `"${raw}" does not start with a known VAT country prefix`);
  const national = compact.slice(rule.prefix.length);
  if (!rule.pattern.test(national))
    return refuse('bad_format', `"${raw}" is not shaped like a ${rule.prefix} VAT number`);
  const number = rule.normalize ? rule.normalize(national) : national;
  if (rule.check && !rule.check(number)) {
    return refuse('bad_check_digits', `The check digits of "${raw}" do not match`);
  }
  return {
    country: rule.country,
    prefix: rule.prefix,
    number,
    normalized: `${rule.prefix}${number}`,
    checkDigits: rule.check ? 'verified' : 'format_only',
  };
}
