import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CANADA_RATES,
  EU_MEMBER_STATES,
  EU_VAT_RATES,
  OTHER_VAT_RATES,
  TAX_SOURCES,
  US_STATES,
  US_STATE_SALES_TAX,
  chooseTaxCountry,
  grossToNet,
  localDate,
  netToGross,
  normalizePostalCode,
  parseVatId,
  percentToPpm,
  taxDisplayFor,
  taxInGross,
  taxOnNet,
  taxRuleFor,
  decideReverseCharge,
  type TaxRateRow,
} from '@fanfare/domain';
import { codeOf } from './support/error-code.js';

const ON = '2026-11-22';

const rates = (country: string, category: 'standard' | 'ebook', region?: string, on = ON) =>
  taxRuleFor({ country, ...(region ? { region } : {}) }, category, on).components.map((c) => `${c.name} ${c.rate}`);

describe('every rate row carries a source and an effective-from date', () => {
  const rows: TaxRateRow[] = [...EU_VAT_RATES, ...OTHER_VAT_RATES, ...CANADA_RATES];
  it.each(rows.map((r) => [`${r.jurisdiction} ${r.tax} ${r.category} ${r.rate}%`, r] as const))('%s', (_, row) => {
    expect(TAX_SOURCES[row.source].url).toMatch(/^https:\/\//);
    expect(row.effectiveFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(() => percentToPpm(row.rate)).not.toThrow();
  });

  it('covers all 27 EU member states and every US state', () => {
    for (const country of EU_MEMBER_STATES) expect(rates(country, 'standard')).toHaveLength(1);
    expect(US_STATE_SALES_TAX.map((r) => r.state).sort()).toEqual([...US_STATES].sort());
  });
});

describe('EU VAT, standard rate, buyer country (Directive 2006/112/EC art. 58)', () => {
  it.each([
    ['DE', '19', 'ecRates'],
    ['FR', '20', 'ecRates'],
    ['IT', '22', 'ecRates'],
    ['ES', '21', 'ecRates'],
    ['NL', '21', 'ecRates'],
    ['BE', '21', 'ecRates'],
    ['AT', '20', 'ecRates'],
    ['PL', '23', 'ecRates'],
    ['SE', '25', 'ecRates'],
    ['IE', '23', 'ecRates'],
    ['HU', '27', 'ecRates'],
    ['LU', '17', 'vatapiNews'],
    ['FI', '25.5', 'fiVero2024'],
    ['SK', '23', 'skRates2025'],
    ['EE', '24', 'eeRate2025'],
    ['RO', '21', 'roRates2025'],
    ['GR', '24', 'ecRates'],
    ['DK', '25', 'ecRates'],
    ['CY', '19', 'ecRates'],
    ['MT', '18', 'ecRates'],
  ])('%s %s%% (source: %s)', (country, rate, source) => {
    const [component] = taxRuleFor({ country }, 'standard', ON).components;
    expect(component?.rate).toBe(rate);
    expect(component?.source).toBe(source);
    expect(taxDisplayFor(country)).toBe('inclusive');
  });
});

describe('EU VAT on e-books (Directive (EU) 2018/1713 reduced rates)', () => {
  it.each([
    ['DE', '7', 'avalaraEpub2018'],
    ['FR', '5.5', 'gvcEbooks2021'],
    ['IT', '4', 'gvcEbooks2021'],
    ['ES', '4', 'esEbooks2020'],
    ['NL', '9', 'avalaraEpub2018'],
    ['AT', '10', 'gvcEbooks2021'],
    ['IE', '0', 'ieEbooks2024'],
    ['CZ', '0', 'czBooks2024'],
    ['LT', '5', 'ltBooks2026'],
    ['FI', '13.5', 'fiReduced2026'],
    ['RO', '11', 'roRates2025'],
    ['CY', '3', 'cyBooks2023'],
    ['LV', '5', 'lvEbooks2022'],
    ['SE', '6', 'avalaraEpub2018'],
    ['PL', '5', 'avalaraEpub2018'],
  ])('%s e-books %s%% (source: %s)', (country, rate, source) => {
    const [component] = taxRuleFor({ country }, 'ebook', ON).components;
    expect(component?.rate).toBe(rate);
    expect(component?.source).toBe(source);
  });

  it.each([
    ['DK', '25'],
    ['HU', '27'],
    ['SK', '23'],
  ])('%s has no confirmed e-book rate: standard %s%%', (country, rate) => {
    expect(rates(country, 'ebook')).toEqual([`VAT ${rate}`]);
  });
});

describe('rates follow their effective-from dates', () => {
  it.each([
    ['EE', 'standard', '2025-06-30', '22', 'vatapiNews'],
    ['EE', 'standard', '2025-07-01', '24', 'eeRate2025'],
    ['FI', 'standard', '2024-08-31', '24', 'ecRates'],
    ['FI', 'standard', '2024-09-01', '25.5', 'fiVero2024'],
    ['FI', 'ebook', '2024-12-31', '10', 'avalaraEpub2018'],
    ['FI', 'ebook', '2025-06-01', '14', 'fiReduced2025'],
    ['LT', 'ebook', '2025-12-31', '9', 'ltBooks2023'],
    ['IE', 'ebook', '2023-12-31', '9', 'avalaraEpub2018'],
  ] as const)('%s %s on %s → %s%% (source: %s)', (country, category, on, rate, source) => {
    const [component] = taxRuleFor({ country }, category, on).components;
    expect(component?.rate).toBe(rate);
    expect(component?.source).toBe(source);
  });

  it('refuses a date before the table starts with no_tax_rate', () => {
    expect(codeOf(() => taxRuleFor({ country: 'EE' }, 'standard', '2020-01-01'))).toBe('no_tax_rate');
  });

  it('decides the date in the buyer’s time zone', () => {
    const lateJune = new Date('2025-06-30T22:30:00Z'); // already 1 July in Tallinn
    expect(localDate(lateJune, 'EE')).toBe('2025-07-01');
    expect(localDate(lateJune, 'US')).toBe('2025-06-30');
  });
});

describe('VAT and GST outside the EU', () => {
  it.each([
    ['GB', 'standard', 'VAT 20', 'gbVat'],
    ['GB', 'ebook', 'VAT 0', 'gbEpub2020'],
    ['NO', 'standard', 'VAT 25', 'noMva'],
    ['NO', 'ebook', 'VAT 0', 'avalaraEpub2018'],
    ['CH', 'standard', 'VAT 8.1', 'chMwst2024'],
    ['CH', 'ebook', 'VAT 2.6', 'chMwst2024'],
    ['AU', 'standard', 'GST 10', 'auGst'],
    ['JP', 'standard', 'JCT 10', 'jpJct'],
    ['NZ', 'standard', 'GST 15', 'nzGst'],
    ['SG', 'standard', 'GST 9', 'sgGst'],
  ] as const)('%s %s → %s (source: %s)', (country, category, expected, source) => {
    const rule = taxRuleFor({ country }, category, ON);
    expect(rule.components.map((c) => `${c.name} ${c.rate}`)).toEqual([expected]);
    expect(rule.components[0]?.source).toBe(source);
    expect(rule.display).toBe('inclusive');
  });

  it('collects nothing where Fanfare is not registered, and says so', () => {
    const rule = taxRuleFor({ country: 'BR' }, 'standard', ON);
    expect(rule.components).toEqual([]);
    expect(rule.notes.map((n) => n.code)).toEqual(['tax_not_collected']);
  });
});

describe('US sales tax, state base rate with the digital-goods flag (Tax Foundation 2025, TaxJar)', () => {
  it.each([
    ['TX', ['Sales tax 6.25']],
    ['WA', ['Sales tax 6.5']],
    ['NJ', ['Sales tax 6.625']],
    ['PA', ['Sales tax 6']],
    ['CT', ['Sales tax 1']],
    ['LA', ['Sales tax 5']],
    ['MN', ['Sales tax 6.875']],
    ['CA', []],
    ['NY', []],
    ['FL', []],
    ['OR', []],
    ['DE', []],
  ] as const)('US-%s → %j', (state, expected) => {
    const rule = taxRuleFor({ country: 'US', region: state }, 'standard', ON);
    expect(rule.components.map((c) => `${c.name} ${c.rate}`)).toEqual(expected);
    expect(rule.display).toBe('exclusive');
    if (expected.length === 0) expect(rule.notes[0]?.code).toBe('us_digital_goods_not_taxed');
  });

  it('needs the state, and a real one', () => {
    expect(codeOf(() => taxRuleFor({ country: 'US' }, 'standard', ON))).toBe('region_required');
    expect(codeOf(() => taxRuleFor({ country: 'US', region: 'XX' }, 'standard', ON))).toBe('unknown_region');
    expect(rates('US', 'standard', 'us-tx')).toEqual(['Sales tax 6.25']);
  });
});

describe('Canada GST/HST/QST/PST by province (CRA rates; Revenu Québec; provincial digital PST)', () => {
  it.each([
    ['ON', 'standard', ['HST 13']],
    ['NS', 'standard', ['HST 14']],
    ['NB', 'standard', ['HST 15']],
    ['AB', 'standard', ['GST 5']],
    ['QC', 'standard', ['GST 5', 'QST 9.975']],
    ['BC', 'standard', ['GST 5', 'PST 7']],
    ['BC', 'ebook', ['GST 5']],
    ['SK', 'standard', ['GST 5', 'PST 6']],
    ['MB', 'standard', ['GST 5', 'RST 7']],
    ['YT', 'standard', ['GST 5']],
  ] as const)('CA-%s %s → %j', (province, category, expected) => {
    expect(rates('CA', category, province)).toEqual(expected);
  });

  it('Nova Scotia HST was 15 % before 2025-04-01 (source: caNs2025)', () => {
    expect(rates('CA', 'standard', 'NS', '2025-03-31')).toEqual(['HST 15']);
  });

  it('province and postal code must agree', () => {
    expect(normalizePostalCode('CA', 'h2x1y4', 'QC')).toBe('H2X 1Y4');
    expect(codeOf(() => normalizePostalCode('CA', 'M5V 2T6', 'QC'))).toBe('malformed_postal_code');
    expect(codeOf(() => normalizePostalCode('US', '9021'))).toBe('malformed_postal_code');
    expect(normalizePostalCode('US', '90210-1234')).toBe('90210-1234');
  });
});

describe('tax country from evidence (Implementing Regulation 282/2011 art. 24b/24f)', () => {
  it.each([
    [{ billingCountry: 'DE', cardCountry: 'DE', ipCountry: 'FR' }, 'DE', 'billing_confirmed_by_card', true],
    [{ billingCountry: 'DE', ipCountry: 'de' }, 'DE', 'billing_confirmed_by_ip', true],
    [{ billingCountry: 'DE', cardCountry: 'FR', ipCountry: 'FR' }, 'FR', 'card_and_ip_agree', true],
    [{ billingCountry: 'DE', cardCountry: 'FR', ipCountry: 'IT' }, 'DE', 'billing_conflicting_evidence', false],
    [{ billingCountry: 'DE' }, 'DE', 'billing_only', false],
    [{ cardCountry: 'AT', ipCountry: 'DE' }, 'AT', 'card_only', false],
    [{ ipCountry: 'AT' }, 'AT', 'ip_only', false],
  ] as const)('%j → %s by %s', (evidence, country, rule, corroborated) => {
    const decision = chooseTaxCountry(evidence);
    expect([decision.country, decision.rule, decision.corroborated]).toEqual([country, rule, corroborated]);
  });

  it('refuses no evidence and bad codes with specific codes', () => {
    expect(codeOf(() => chooseTaxCountry({}))).toBe('insufficient_location_evidence');
    expect(codeOf(() => chooseTaxCountry({ billingCountry: 'XX' }))).toBe('unknown_country');
    expect(codeOf(() => chooseTaxCountry({ billingCountry: 'EU' }))).toBe('unknown_country');
    expect(codeOf(() => taxRuleFor({ country: 'UK' }, 'standard', ON))).toBe('unknown_country');
  });
});

describe('reverse charge for business buyers', () => {
  const de = parseVatId('DE136308783');
  it('applies across borders inside the EU with the art. 196 mention', () => {
    const decision = decideReverseCharge({ taxCountry: 'DE', buyerVatId: de, sellerCountry: 'IE' });
    expect(decision.applies).toBe(true);
    expect(decision.note?.message).toContain('Article 196');
  });
  it('does not apply to a domestic sale', () => {
    expect(decideReverseCharge({ taxCountry: 'DE', buyerVatId: de, sellerCountry: 'DE' }).applies).toBe(false);
  });
  it('applies in the UK with the HMRC mention', () => {
    const gb = parseVatId('GB 980 7806 84');
    expect(decideReverseCharge({ taxCountry: 'GB', buyerVatId: gb, sellerCountry: 'IE' }).note?.message).toContain(
      'HMRC',
    );
  });
  it('refuses an id from another country and an id the registry rejected', () => {
    expect(codeOf(() => decideReverseCharge({ taxCountry: 'FR', buyerVatId: de, sellerCountry: 'IE' }))).toBe(
      'vat_id_country_mismatch',
    );
    const verification = {
      vatId: 'DE136308783',
      valid: false,
      checkedAt: '2026-11-22T10:00:00Z',
      registry: 'vies' as const,
    };
    expect(
      codeOf(() => decideReverseCharge({ taxCountry: 'DE', buyerVatId: de, sellerCountry: 'IE', verification })),
    ).toBe('vat_id_rejected');
  });
});

describe('tax arithmetic', () => {
  const vat19 = [{ name: 'VAT', rate: '19', ppm: 190_000 }];
  const qc = [
    { name: 'GST', rate: '5', ppm: 50_000 },
    { name: 'QST', rate: '9.975', ppm: 99_750 },
  ];

  it('computes each component on the same base (no compounding)', () => {
    expect(taxOnNet(1000, qc).map((t) => t.amount)).toEqual([50, 100]); // 99.75 → 100
  });

  it('extracts tax from a gross so that net + tax = gross', () => {
    expect(taxInGross(1190, vat19)).toEqual({ net: 1000, taxes: [{ name: 'VAT', rate: '19', amount: 190 }] });
    const split = taxInGross(11498, qc);
    expect(split.net + split.taxes.reduce((s, t) => s + t.amount, 0)).toBe(11498);
  });

  it('inclusive ↔ exclusive stays within one minor unit', () => {
    const rateSets = [
      vat19,
      qc,
      [{ name: 'VAT', rate: '5.5', ppm: 55_000 }],
      [{ name: 'JCT', rate: '10', ppm: 100_000 }],
    ];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 11 }), fc.constantFrom(...rateSets), (net, rs) => {
        const gross = netToGross(net, rs);
        expect(Math.abs(grossToNet(gross, rs) - net)).toBeLessThanOrEqual(1);
        const back = netToGross(grossToNet(gross, rs), rs);
        expect(Math.abs(back - gross)).toBeLessThanOrEqual(rs.length);
      }),
    );
  });

  it('never yields negative tax or a net above the gross', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (gross) => {
        const { net, taxes } = taxInGross(gross, qc);
        expect(net).toBeGreaterThanOrEqual(0);
        expect(net).toBeLessThanOrEqual(gross);
        for (const t of taxes) expect(t.amount).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
