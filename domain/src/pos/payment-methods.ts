import { EURO_AREA } from '../geo/local-currency.js';

/** Stripe `payment_method_types` values Fanfare offers. */
export type StripePaymentMethodType =
  | 'card'
  | 'sepa_debit'
  | 'ideal'
  | 'bancontact'
  | 'eps'
  | 'p24'
  | 'blik'
  | 'twint'
  | 'mobilepay'
  | 'swish'
  | 'multibanco'
  | 'konbini';

/** Where a payment method is offered and what it accepts. */
export interface PaymentMethodRule {
  /** Stripe type. */
  readonly type: StripePaymentMethodType;
  /** Buyer countries it is common in; `*` for everywhere. */
  readonly countries: readonly string[] | '*';
  /** Currencies Stripe accepts it in; absent for any. */
  readonly currencies?: readonly string[];
  /**
   * True when the result arrives days later (debits, vouchers): the checkout workflow waits for
   * the webhook and the storefront says the download unlocks once the payment clears.
   */
  readonly delayed: boolean;
}

/**
 * Payment methods per region, after Stripe's payment-method documentation (supported currencies
 * and customer countries per method). Cards everywhere; local methods where buyers expect them.
 */
export const PAYMENT_METHOD_RULES: readonly PaymentMethodRule[] = [
  { type: 'card', countries: '*', delayed: false },
  { type: 'ideal', countries: ['NL'], currencies: ['EUR'], delayed: false },
  { type: 'bancontact', countries: ['BE'], currencies: ['EUR'], delayed: false },
  { type: 'eps', countries: ['AT'], currencies: ['EUR'], delayed: false },
  { type: 'p24', countries: ['PL'], currencies: ['EUR', 'PLN'], delayed: false },
  { type: 'blik', countries: ['PL'], currencies: ['PLN'], delayed: false },
  { type: 'multibanco', countries: ['PT'], currencies: ['EUR'], delayed: true },
  { type: 'twint', countries: ['CH'], currencies: ['CHF'], delayed: false },
  { type: 'mobilepay', countries: ['DK', 'FI'], currencies: ['DKK', 'EUR', 'NOK', 'SEK'], delayed: false },
  { type: 'swish', countries: ['SE'], currencies: ['SEK'], delayed: false },
  { type: 'konbini', countries: ['JP'], currencies: ['JPY'], delayed: true },
  { type: 'sepa_debit', countries: EURO_AREA, currencies: ['EUR'], delayed: true },
];

/** Stripe payment method types to offer a buyer in `country` paying in `currency`, cards first. */
export function paymentMethodsFor(country: string, currency: string): StripePaymentMethodType[] {
  return PAYMENT_METHOD_RULES.filter((m) => m.countries === '*' || m.countries.includes(country))
    .filter((m) => m.currencies === undefined || m.currencies.includes(currency))
    .map((m) => m.type);
}
