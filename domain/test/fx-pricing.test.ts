import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ECB_REFERENCE_SNAPSHOT,
  charmRound,
  checkoutCurrencies,
  convertAmount,
  crossRate,
  displayPrice,
  fxStaleness,
  parseEcbReferenceXml,
  resolveListPrice,
  type PriceListEntry,
} from '@fanfare/domain';
import { codeOf } from './support/error-code.js';

// Verbatim from the ECB's eurofxref-daily.xml of 2022-07-08 (as committed in xpt-nl/ecb).
const ECB_DAILY_2022_07_08 = `<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
\t<gesmes:subject>Reference rates</gesmes:subject>
\t<gesmes:Sender>
\t\t<gesmes:name>European Central Bank</gesmes:name>
\t</gesmes:Sender>
\t<Cube>
\t\t<Cube time='2022-07-08'>
\t\t\t<Cube currency='USD' rate='1.0163'/>
\t\t\t<Cube currency='JPY' rate='138.05'/>
\t\t\t<Cube currency='GBP' rate='0.84585'/>
\t\t\t<Cube currency='HUF' rate='402.45'/>
\t\t\t<Cube currency='CHF' rate='0.9913'/>
\t\t\t<Cube currency='CAD' rate='1.3201'/>
\t\t\t<Cube currency='IDR' rate='15210.73'/>
\t\t</Cube>
\t</Cube>
</gesmes:Envelope>`;

describe('ECB reference-rate feed', () => {
  it('parses the daily file into a snapshot', () => {
    const snapshot = parseEcbReferenceXml(ECB_DAILY_2022_07_08);
    expect(snapshot.asOf).toBe('2022-07-08');
    expect(snapshot.base).toBe('EUR');
    expect(snapshot.rates.GBP).toBe('0.84585');
    expect(Object.keys(snapshot.rates)).toHaveLength(7);
  });

  it('takes the newest day of a history file, with either quote style', () => {
    const history = `<gesmes:Envelope><Cube>
      <Cube time="2026-03-12"><Cube currency="USD" rate="1.1400"/></Cube>
      <Cube time='2026-03-13'><Cube currency='USD' rate='1.1476'/></Cube>
    </Cube></gesmes:Envelope>`;
    expect(parseEcbReferenceXml(history, 'hist').rates.USD).toBe('1.1476');
  });

  it.each([
    ['truncated', ECB_DAILY_2022_07_08.slice(0, 400)],
    ['no dates', '<gesmes:Envelope><Cube></Cube></gesmes:Envelope>'],
    ['no rates', "<gesmes:Envelope><Cube><Cube time='2026-03-13'></Cube></Cube></gesmes:Envelope>"],
    [
      'decimal comma',
      "<gesmes:Envelope><Cube><Cube time='2026-03-13'><Cube currency='USD' rate='1,1476'/></Cube></Cube></gesmes:Envelope>",
    ],
    [
      'zero rate',
      "<gesmes:Envelope><Cube><Cube time='2026-03-13'><Cube currency='USD' rate='0.0'/></Cube></Cube></gesmes:Envelope>",
    ],
    ['html maintenance page', '<html>maintenance</html>'],
  ])('%s → malformed_fx_feed', (_, xml) => {
    expect(codeOf(() => parseEcbReferenceXml(xml))).toBe('malformed_fx_feed');
  });

  it('warns once the snapshot is older than five days', () => {
    const snapshot = parseEcbReferenceXml(ECB_DAILY_2022_07_08);
    expect(fxStaleness(snapshot, new Date('2022-07-11T09:00:00Z'))).toMatchObject({ stale: false, ageHours: 67 });
    expect(fxStaleness(snapshot, new Date('2022-07-13T15:00:00Z')).stale).toBe(true);
    expect(fxStaleness(ECB_REFERENCE_SNAPSHOT, new Date('2026-11-22T00:00:00Z')).stale).toBe(true);
  });
});

describe('conversion through the euro', () => {
  const s = ECB_REFERENCE_SNAPSHOT;
  it.each([
    [1000, 'EUR', 'USD', 1148], // 10 × 1.1476 = 11.476
    [1148, 'USD', 'EUR', 1000],
    [1000, 'EUR', 'JPY', 1829], // 10 × 182.85 = 1828.5 → 1829 (JPY has no minor units)
    [100_000, 'JPY', 'GBP', 47308], // ¥100 000 / 182.85 × 0.86503 = £473.08
    [999, 'GBP', 'GBP', 999],
  ])('%i %s → %i %s', (amount, from, to, expected) => {
    expect(convertAmount(amount, from, to, s)).toBe(expected);
  });

  it('labels the cross rate', () => {
    expect(crossRate('EUR', 'USD', s)).toBe('1.147600');
    expect(crossRate('USD', 'EUR', s)).toBe('0.871384');
  });

  it('refuses a currency without a rate or unknown to ISO', () => {
    expect(codeOf(() => convertAmount(100, 'EUR', 'KWD', s))).toBe('no_fx_rate');
    expect(codeOf(() => convertAmount(100, 'EUR', 'XYZ', s))).toBe('unknown_currency');
  });

  it('round-trips within a unit of rounding error per leg', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 10 }), (amount) => {
        const there = convertAmount(amount, 'EUR', 'USD', s);
        const back = convertAmount(there, 'USD', 'EUR', s);
        expect(Math.abs(back - amount)).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('charm rounding of converted prices', () => {
  it.each([
    [1137, 'EUR', 999],
    [1261, 'EUR', 1499],
    [1749, 'USD', 1499],
    [1751, 'USD', 1999],
    [12, 'GBP', 99],
    [437, 'GBP', 399],
    [12345, 'USD', 11999],
    [9549, 'EUR', 9499],
    [9751, 'EUR', 9999],
    [10499, 'EUR', 9999],
    [1829, 'JPY', 1800],
    [1851, 'JPY', 1900],
    [40, 'JPY', 100],
    [1234, 'SEK', 1200],
    [1250, 'SEK', 1300],
  ])('%i %s → %i', (amount, currency, expected) => {
    expect(charmRound(amount, currency)).toBe(expected);
  });

  it('always ends in .99 for EUR/USD/GBP and whole hundreds for JPY', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 9 }), (amount) => {
        expect(charmRound(amount, 'EUR') % 100).toBe(99);
        expect(charmRound(amount, 'JPY') % 100).toBe(0);
        expect(charmRound(amount, 'JPY')).toBeGreaterThan(0);
      }),
    );
  });
});

describe('price lists per currency and region', () => {
  const entries: PriceListEntry[] = [
    { productId: 'album', currency: 'USD', region: '*', amount: 999, taxInclusive: false },
    { productId: 'album', currency: 'USD', region: 'US', amount: 899, taxInclusive: false },
    { productId: 'album', currency: 'EUR', region: 'EU', amount: 999, taxInclusive: true },
    { productId: 'album', currency: 'EUR', region: 'IE', amount: 1049, taxInclusive: true },
    {
      productId: 'album',
      currency: 'CHF',
      region: 'CH',
      amount: 1000,
      taxInclusive: true,
      origin: 'approved_conversion',
    },
  ];

  it.each([
    ['US', 'USD', 899],
    ['BR', 'USD', 999],
    ['DE', 'EUR', 999],
    ['IE', 'EUR', 1049],
    ['CH', 'CHF', 1000],
  ])('a buyer in %s pays %s %i', (country, currency, amount) => {
    expect(resolveListPrice(entries, 'album', currency, country)?.amount).toBe(amount);
  });

  it('has no EUR price outside the EU and lists what checkout accepts', () => {
    expect(resolveListPrice(entries, 'album', 'EUR', 'US')).toBeUndefined();
    expect(checkoutCurrencies(entries, 'album', 'DE')).toEqual(['EUR', 'USD']);
    expect(checkoutCurrencies(entries, 'album', 'CH')).toEqual(['CHF', 'USD']);
  });

  const opts = { fx: ECB_REFERENCE_SNAPSHOT, now: new Date('2026-03-14T10:00:00Z') };
  it('shows an explicit price unflagged', () => {
    expect(displayPrice(entries, 'album', { currency: 'EUR', country: 'FR', ...opts })).toEqual({
      amount: 999,
      currency: 'EUR',
      taxInclusive: true,
    });
  });

  it('converts for display only, charm-rounded and flagged with rate, date, source and checkout currency', () => {
    const price = displayPrice(entries, 'album', { currency: 'GBP', country: 'GB', tenantCurrency: 'USD', ...opts });
    expect(price.amount).toBe(799); // 9.99 USD × 0.86503 / 1.1476 = 7.53 GBP → 8 → 7.99
    expect(price.conversion).toMatchObject({
      from: { amount: 999, currency: 'USD' },
      asOf: '2026-03-13',
      stale: false,
      checkoutCurrency: 'USD',
    });
  });

  it('refuses a product with no price for the region', () => {
    expect(codeOf(() => displayPrice(entries, 'single', { currency: 'EUR', country: 'DE', ...opts }))).toBe(
      'no_price_in_currency',
    );
    expect(codeOf(() => displayPrice(entries, 'album', { currency: 'EUR', country: 'XX', ...opts }))).toBe(
      'unknown_country',
    );
  });
});
