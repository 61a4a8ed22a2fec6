import { assertCountry, isEuMember } from '../geo/countries.js';
import { localCurrencyOf } from '../geo/local-currency.js';
import { currencyInfo } from '../money/currency.js';
import type { STOREFRONT_LOCALES } from '../money/format.js';
import { taxDisplayFor, type TaxDisplay } from '../tax/tax-rules.js';
import { paymentMethodsFor, type StripePaymentMethodType } from './payment-methods.js';

/** A field the checkout form can ask for. */
export type CheckoutField =
  | 'email'
  | 'country'
  | 'postalCode'
  | 'region'
  | 'vatId'
  | 'eulaAcceptance'
  | 'withdrawalWaiver';

/** Localized copy slots of the checkout, each naming a key in the storefront's message catalogs. */
export interface CheckoutCopyKeys {
  /** Line under the total: "incl. VAT" or "plus tax". */
  readonly taxLine: string;
  /** Label of the postal code field (ZIP code, postcode, postal code). */
  readonly postalCodeLabel: string;
  /** Label of the state/province field, where one is asked for. */
  readonly regionLabel?: string;
  /** Consent to immediate delivery and loss of the withdrawal right, where the law asks for it. */
  readonly withdrawalWaiver?: string;
  /** Shown beside the VAT id field. */
  readonly businessPurchase?: string;
  /** Shown when a delayed payment method is picked. */
  readonly delayedPayment: string;
}

/** How checkout works for buyers in one country. */
export interface PointOfSale {
  /** Buyer country. */
  readonly country: string;
  /** Currency the checkout defaults to. */
  readonly currency: string;
  /** Storefront locale to suggest. */
  readonly locale: (typeof STOREFRONT_LOCALES)[number];
  /** Whether prices are shown with tax included. */
  readonly taxDisplay: TaxDisplay;
  /** Fields checkout must collect before payment. */
  readonly requiredFields: readonly CheckoutField[];
  /** Fields checkout offers (a VAT id for business buyers). */
  readonly optionalFields: readonly CheckoutField[];
  /** Stripe `payment_method_types` for this country and currency. */
  readonly paymentMethodTypes: readonly StripePaymentMethodType[];
  /** Localized copy keys. */
  readonly copyKeys: CheckoutCopyKeys;
}

/**
 * Consumers in the EEA and the UK may withdraw from an online purchase within 14 days unless,
 * for digital content, they consented to immediate supply and acknowledged losing that right
 * (Directive 2011/83/EU art. 16(m); UK Consumer Contracts Regulations 2013 reg. 37).
 */
const WITHDRAWAL_WAIVER_COUNTRIES = new Set(['GB', 'NO', 'IS', 'LI']);
/** Where a business buyer can give a VAT id for reverse charge or an invoice in its name. */
const VAT_ID_COUNTRIES = new Set(['GB', 'CH', 'NO']);

const LOCALES: Readonly<Record<string, PointOfSale['locale']>> = {
  US: 'en-US',
  CA: 'en-US',
  GB: 'en-GB',
  IE: 'en-GB',
  AU: 'en-GB',
  NZ: 'en-GB',
  FR: 'fr-FR',
  BE: 'fr-FR',
  LU: 'fr-FR',
  MC: 'fr-FR',
  DE: 'de-DE',
  AT: 'de-DE',
  CH: 'de-DE',
  LI: 'de-DE',
};

function postalCodeLabel(country: string): string {
  if (country === 'US') return 'checkout.field.zip_code';
  if (country === 'GB') return 'checkout.field.postcode';
  return 'checkout.field.postal_code';
}

/**
 * The point of sale for a buyer in `country`, paying in `currency` (default: the country's own,
 * then `fallbackCurrency`, then USD). Throws `unknown_country` / `unknown_currency`.
 */
export function pointOfSaleFor(country: string, currency?: string, fallbackCurrency = 'USD'): PointOfSale {
  const code = assertCountry(country);
  const payIn = currencyInfo(currency ?? localCurrencyOf(code) ?? fallbackCurrency).code;
  const taxDisplay = taxDisplayFor(code);
  const subdivisions = code === 'US' || code === 'CA';
  const waiver = isEuMember(code) || WITHDRAWAL_WAIVER_COUNTRIES.has(code);
  const vatId = isEuMember(code) || VAT_ID_COUNTRIES.has(code);

  const requiredFields: CheckoutField[] = ['email', 'country', 'eulaAcceptance'];
  if (subdivisions || code === 'GB') requiredFields.push('postalCode');
  if (subdivisions) requiredFields.push('region');
  if (waiver) requiredFields.push('withdrawalWaiver');

  return {
    country: code,
    currency: payIn,
    locale: LOCALES[code] ?? 'en-US',
    taxDisplay,
    requiredFields,
    optionalFields: vatId ? ['vatId'] : [],
    paymentMethodTypes: paymentMethodsFor(code, payIn),
    copyKeys: {
      taxLine: taxDisplay === 'inclusive' ? 'checkout.tax.included' : 'checkout.tax.added_at_checkout',
      postalCodeLabel: postalCodeLabel(code),
      ...(subdivisions ? { regionLabel: code === 'US' ? 'checkout.field.state' : 'checkout.field.province' } : {}),
      ...(waiver ? { withdrawalWaiver: 'checkout.consent.immediate_delivery_waives_withdrawal' } : {}),
      ...(vatId ? { businessPurchase: 'checkout.business.vat_id_reverse_charge' } : {}),
      delayedPayment: 'checkout.payment.delayed_unlocks_after_clearing',
    },
  };
}
