import { describe, expect, it } from 'vitest';
import { paymentMethodsFor, pointOfSaleFor } from '@fanfare/domain';
import { codeOf } from './support/error-code.js';

describe('point of sale per region', () => {
  it.each([
    ['US', 'USD', 'en-US', 'exclusive', ['email', 'country', 'eulaAcceptance', 'postalCode', 'region'], ['card']],
    ['CA', 'CAD', 'en-US', 'exclusive', ['email', 'country', 'eulaAcceptance', 'postalCode', 'region'], ['card']],
    [
      'GB',
      'GBP',
      'en-GB',
      'inclusive',
      ['email', 'country', 'eulaAcceptance', 'postalCode', 'withdrawalWaiver'],
      ['card'],
    ],
    [
      'DE',
      'EUR',
      'de-DE',
      'inclusive',
      ['email', 'country', 'eulaAcceptance', 'withdrawalWaiver'],
      ['card', 'sepa_debit'],
    ],
    [
      'NL',
      'EUR',
      'en-US',
      'inclusive',
      ['email', 'country', 'eulaAcceptance', 'withdrawalWaiver'],
      ['card', 'ideal', 'sepa_debit'],
    ],
    [
      'BE',
      'EUR',
      'fr-FR',
      'inclusive',
      ['email', 'country', 'eulaAcceptance', 'withdrawalWaiver'],
      ['card', 'bancontact', 'sepa_debit'],
    ],
    [
      'PL',
      'PLN',
      'en-US',
      'inclusive',
      ['email', 'country', 'eulaAcceptance', 'withdrawalWaiver'],
      ['card', 'p24', 'blik'],
    ],
    ['CH', 'CHF', 'de-DE', 'inclusive', ['email', 'country', 'eulaAcceptance'], ['card', 'twint']],
    ['JP', 'JPY', 'en-US', 'inclusive', ['email', 'country', 'eulaAcceptance'], ['card', 'konbini']],
    ['NO', 'NOK', 'en-US', 'inclusive', ['email', 'country', 'eulaAcceptance', 'withdrawalWaiver'], ['card']],
  ] as const)('%s: %s, %s, %s', (country, currency, locale, taxDisplay, fields, methods) => {
    const pos = pointOfSaleFor(country);
    expect([pos.currency, pos.locale, pos.taxDisplay]).toEqual([currency, locale, taxDisplay]);
    expect(pos.requiredFields).toEqual(fields);
    expect(pos.paymentMethodTypes).toEqual(methods);
  });

  it('only offers local methods in the currencies they accept', () => {
    expect(paymentMethodsFor('NL', 'USD')).toEqual(['card']);
    expect(paymentMethodsFor('PL', 'EUR')).toEqual(['card', 'p24']); // PL is outside the euro area: no SEPA debit offer
    expect(pointOfSaleFor('DE', 'USD').paymentMethodTypes).toEqual(['card']);
  });

  it('names localized copy keys per region', () => {
    expect(pointOfSaleFor('US').copyKeys).toMatchObject({
      taxLine: 'checkout.tax.added_at_checkout',
      postalCodeLabel: 'checkout.field.zip_code',
      regionLabel: 'checkout.field.state',
    });
    expect(pointOfSaleFor('FR').copyKeys).toMatchObject({
      taxLine: 'checkout.tax.included',
      withdrawalWaiver: 'checkout.consent.immediate_delivery_waives_withdrawal',
    });
    expect(pointOfSaleFor('CA').copyKeys.regionLabel).toBe('checkout.field.province');
    expect(pointOfSaleFor('FR').optionalFields).toEqual(['vatId']);
    expect(pointOfSaleFor('US').optionalFields).toEqual([]);
  });

  it('falls back to the tenant currency where it knows no local one', () => {
    expect(pointOfSaleFor('KE', undefined, 'EUR').currency).toBe('EUR');
  });

  it('refuses unknown countries and currencies', () => {
    expect(codeOf(() => pointOfSaleFor('XX'))).toBe('unknown_country');
    expect(codeOf(() => pointOfSaleFor('DE', 'XYZ'))).toBe('unknown_currency');
  });
});
