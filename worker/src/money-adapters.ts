import { SELLER_COUNTRY, UnverifiedVatIdVerifier, ViesVatIdVerifier, VIES_REST_API_BASE } from '@fanfare/activities';
import type { FanfareEnv } from '@fanfare/config';
import { assertCountry, ECB_DAILY_FEED_URL, parseVatId, type InvoiceParty, type VatIdVerifier } from '@fanfare/domain';

/** The money engine's outside-world settings, read beside the typed config until it adopts them. */
export interface MoneyAdapters {
  /** Printed on every invoice. */
  seller: InvoiceParty;
  /** VIES in production, the no-network verifier elsewhere (unless `VAT_ID_VERIFIER` says). */
  vatIdVerifier: VatIdVerifier;
  /** ECB-format reference-rate feed. */
  fxFeedUrl: string;
}

/**
 * Reads, with defaults:
 * - `FX_FEED_URL` — ECB-format feed (default the ECB daily eurofxref XML);
 * - `VAT_ID_VERIFIER` — `vies` or `none` (default `vies` in production, `none` otherwise);
 *   `VIES_API_BASE` — VIES REST base URL (default the Commission's);
 * - `SELLER_NAME` (default "Fanfare Marketplace Ltd"), `SELLER_ADDRESS` (lines separated by `;`),
 *   `SELLER_COUNTRY` (default the pricing seller country, IE), `SELLER_VAT_ID` (optional; sent to
 *   VIES as requester so its answers carry a consultation number).
 * Throws on a malformed country, VAT id or verifier name, so a worker never starts half-configured.
 */
export function moneyAdaptersFromEnv(mode: FanfareEnv, env: NodeJS.ProcessEnv = process.env): MoneyAdapters {
  const sellerVatId = env.SELLER_VAT_ID?.trim() ? parseVatId(env.SELLER_VAT_ID) : undefined;
  const verifier = env.VAT_ID_VERIFIER ?? (mode === 'production' ? 'vies' : 'none');
  if (verifier !== 'vies' && verifier !== 'none') throw new Error(`VAT_ID_VERIFIER must be vies or none, not "${verifier}"`);
  return {
    seller: {
      name: env.SELLER_NAME?.trim() || 'Fanfare Marketplace Ltd',
      addressLines: (env.SELLER_ADDRESS ?? '').split(';').map((line) => line.trim()).filter((line) => line !== ''),
      country: assertCountry(env.SELLER_COUNTRY ?? SELLER_COUNTRY),
      ...(sellerVatId === undefined ? {} : { vatId: sellerVatId.normalized }),
    },
    vatIdVerifier:
      verifier === 'vies'
        ? new ViesVatIdVerifier({ apiBase: env.VIES_API_BASE ?? VIES_REST_API_BASE, ...(sellerVatId === undefined ? {} : { requester: sellerVatId }) })
        : new UnverifiedVatIdVerifier(),
    fxFeedUrl: env.FX_FEED_URL ?? ECB_DAILY_FEED_URL,
  };
}
