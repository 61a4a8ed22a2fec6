import type { VatId, VatIdVerification, VatIdVerifier } from '@fanfare/domain';

/** The EU Commission's VIES REST endpoint; `VIES_API_BASE` replaces it (a fake in tests). */
export const VIES_REST_API_BASE = 'https://ec.europa.eu/taxation_customs/vies/rest-api';

/** VAT prefixes VIES answers for: the member states (`EL` for Greece) and Northern Ireland (`XI`). */
const VIES_PREFIXES = new Set([
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'EL',
  'ES',
  'FI',
  'FR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
  'XI',
]);

/** Answers of `userError` that are a verdict; every other one means "ask again later". */
const VERDICTS = new Set(['VALID', 'INVALID']);

/** Options of {@link ViesVatIdVerifier}. */
export interface ViesVerifierOptions {
  /** Defaults to {@link VIES_REST_API_BASE}. */
  apiBase?: string;
  /**
   * The seller's own VAT id: with it VIES returns a consultation number, the legal proof that
   * the check was made.
   */
  requester?: VatId;
  /** Injected for tests; the global `fetch` otherwise. */
  fetch?: typeof fetch;
}

/** A VIES answer we could not read as a verdict (member state down, too many requests). */
export class VatRegistryUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VatRegistryUnavailableError';
  }
}

interface ViesResponse {
  valid?: unknown;
  requestDate?: unknown;
  userError?: unknown;
  name?: unknown;
  address?: unknown;
  requestIdentifier?: unknown;
  errorWrappers?: Array<{ error?: unknown }>;
}

function disclosed(value: unknown): string | undefined {
  // VIES prints "---" where a member state does not disclose the trader's name or address.
  return typeof value === 'string' && value.trim() !== '' && value.trim() !== '---' ? value.trim() : undefined;
}

/**
 * `VatIdVerifier` over the VIES REST API (`POST /check-vat-number`). Throws (so the activity
 * retries) when VIES or the member state is unavailable or answers something unreadable, and
 * for ids VIES does not cover (GB, CH, NO: an HMRC adapter would answer those); answers
 * `valid: false` only when VIES says INVALID.
 */
export class ViesVatIdVerifier implements VatIdVerifier {
  private readonly apiBase: string;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: ViesVerifierOptions = {}) {
    this.apiBase = (options.apiBase ?? VIES_REST_API_BASE).replace(/\/+$/, '');
    this.fetch = options.fetch ?? fetch;
  }

  async verify(vatId: VatId): Promise<VatIdVerification> {
    if (!VIES_PREFIXES.has(vatId.prefix))
      throw new VatRegistryUnavailableError(`VIES does not check ${vatId.prefix} VAT ids`);
    const requester = this.options.requester;
    const response = await this.fetch(`${this.apiBase}/check-vat-number`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        countryCode: vatId.prefix,
        vatNumber: vatId.number,
        ...(requester === undefined
          ? {}
          : { requesterMemberStateCode: requester.prefix, requesterNumber: requester.number }),
      }),
      signal: AbortSignal.timeout(15_000),
    });
    if (!response.ok) throw new VatRegistryUnavailableError(`VIES answered HTTP ${response.status}`);
    const body = (await response.json()) as ViesResponse;
    const fault = body.errorWrappers?.[0]?.error;
    if (fault !== undefined) throw new VatRegistryUnavailableError(`VIES could not answer: ${String(fault)}`);
    if (typeof body.userError === 'string' && !VERDICTS.has(body.userError)) {
      throw new VatRegistryUnavailableError(`VIES could not answer: ${body.userError}`);
    }
    if (typeof body.valid !== 'boolean') throw new VatRegistryUnavailableError('VIES answered without a verdict');
    const name = disclosed(body.name);
    const address = disclosed(body.address);
    const consultationNumber = disclosed(body.requestIdentifier);
    return {
      vatId: vatId.normalized,
      valid: body.valid,
      checkedAt:
        typeof body.requestDate === 'string' && !Number.isNaN(Date.parse(body.requestDate))
          ? new Date(body.requestDate).toISOString()
          : new Date().toISOString(),
      registry: 'vies',
      ...(name === undefined ? {} : { name }),
      ...(address === undefined ? {} : { address }),
      ...(consultationNumber === undefined ? {} : { consultationNumber }),
    };
  }
}
