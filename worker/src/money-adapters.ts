import { UnverifiedVatIdVerifier, ViesVatIdVerifier, VIES_REST_API_BASE } from '@fanfare/activities';
import type { FanfareConfig } from '@fanfare/config';
import { assertCountry, ECB_DAILY_FEED_URL, parseVatId, type InvoiceParty, type VatIdVerifier } from '@fanfare/domain';

/** The money engine's outside-world adapters. */
export interface MoneyAdapters {
  /** Printed on every invoice. */
  seller: InvoiceParty;
  /** VIES or the no-network verifier, as `VAT_ID_VERIFIER` says. */
  vatIdVerifier: VatIdVerifier;
  /** ECB-format reference-rate feed. */
  fxFeedUrl: string;
}

/**
 * Builds the adapters from the typed config. Throws on a malformed seller VAT id, so a worker
 * never starts half-configured.
 */
export function moneyAdapters(config: FanfareConfig): MoneyAdapters {
  const { seller, vatIdVerifier, viesApiBase, fxFeedUrl } = config.money;
  const sellerVatId = seller.vatId === undefined ? undefined : parseVatId(seller.vatId);
  return {
    seller: {
      name: seller.name,
      addressLines: seller.addressLines,
      country: assertCountry(seller.country),
      ...(sellerVatId === undefined ? {} : { vatId: sellerVatId.normalized }),
    },
    vatIdVerifier:
      vatIdVerifier === 'vies'
        ? new ViesVatIdVerifier({
            apiBase: viesApiBase ?? VIES_REST_API_BASE,
            ...(sellerVatId === undefined ? {} : { requester: sellerVatId }),
          })
        : new UnverifiedVatIdVerifier(),
    fxFeedUrl: fxFeedUrl ?? ECB_DAILY_FEED_URL,
  };
}
