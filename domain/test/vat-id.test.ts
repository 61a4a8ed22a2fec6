import { describe, expect, it } from 'vitest';
import { DomainError, parseVatId, vatIdProblem } from '@fanfare/domain';

// Numbers published online and collected as test vectors by python-stdnum
// (tests/test_eu_vat.doctest, tests in stdnum/gb/vat.py and stdnum/fr/tva.py).
const VALID: Record<string, readonly string[]> = {
  AT: ['ATU 142 43 102', 'ATU 15159209', 'ATU 54300000', 'ATU13585627', 'ATU46080404', 'ATU61195628'],
  BE: ['BE 0202.239.951', 'BE 0402 918 402', 'BE 0462423150', 'BE 444.503.092', 'BE0428759497', 'BE413562567'],
  DE: ['DE - 113866163', 'DE 118619592', 'DE 221.304.969', 'DE 811 363 057', 'DE119263782', 'DE136308783'],
  DK: ['DK 10 50 32 80', 'DK 2566 2202', 'DK-27630308', 'DK: 21599336', 'DK10150817'],
  EE: ['EE 100 931 558', 'EE 100523487', 'EE101256753'],
  EL: ['EL 039868210', 'EL 094012834', 'EL 94051189', 'EL-082857563', 'El 800 179 925'],
  ES: [
    'ES - Q0818001J',
    'ES 54362315K',
    'ES A-28184661',
    'ES B64717838',
    'ES X-5253868-R',
    'ES Y5277343F',
    'ES Z5277343K',
    'ES W4003922D',
    'ES-x-2482300w',
  ],
  FI: ['FI 02459042', 'FI 0982651-1', 'FI-214 95 540', 'FI18261444'],
  FR: [
    'FR 04409414364',
    'FR 13 393 892 815',
    'FR K 7399859412',
    'FR01712030113',
    'fr 71383076817',
    'FR16000063601',
    'FR 4Z123456782',
  ],
  HR: ['HR 33392005961'],
  IE: [
    'IE 0005306C',
    'IE 6433435F',
    'IE 8223200u',
    'IE-9696131F',
    'IE6433435IH',
    'IE6433435OA',
    'IE8D79739I',
    'IE9Y71814N',
  ],
  IT: ['IT - 01404480202', 'IT 00118439991', 'IT 12920760159', 'IT: 02331250163'],
  LU: ['LU 10059929', 'LU 109 676 28', 'LU.248.70.640', 'Lu 19980500'],
  NL: ['NL 001241 643 B01', 'NL 806753742B01', 'NL.0094.10.806.B.01', 'NL4495445B01', 'NL002455799B11'],
  PL: ['PL 5211355116', 'PL 584-030-44-72', 'PL-951-157-77-68', 'PL5261025421'],
  PT: ['PT 500 019 720', 'PT 502448911', 'PT-505 856 468', 'PT503038083'],
  SE: ['SE 202 100-5000 01', 'SE 556058115801', 'SE-556666-4438-01', 'Se 556250398601'],
  SI: ['SI 26808498', 'SI 3609 7152', 'SI-83815201'],
  SK: ['SK 1078449064', 'SK 202 274 96 19', 'SK2022193459'],
  GB: ['GB 980 7806 84', 'XI 980 7806 84', 'GBGD001', 'GBHA500'],
  BG: ['BG 103873594', 'BG7111042925'],
  CY: ['CY 10246672X', 'CY-10189098G'],
  CZ: ['CZ 25123891', 'CZ 640229/4448', 'CZ6011270177'],
  HU: ['HU 10672101', 'HU-12892312'],
  LT: ['LT 100001354118', 'LT 119511515'],
  LV: ['LV 40003521600', 'LV-40003241337'],
  MT: ['MT 1039-6417', 'MT 20630321'],
  RO: ['RO 11358544', 'RO 1822964', 'RO-23867797'],
  CH: ['CHE-116.281.710 MWST', 'CHE116281710'],
  NO: ['NO 974 760 673 MVA'],
};

// The same numbers with one digit changed (python-stdnum's "invalid checksum" list, plus GB).
const BAD_CHECK_DIGITS = [
  'ATU 143 43 102',
  'ATU46080904',
  'BE 0406.139.583',
  'BE697449982',
  'DE 125014855',
  'DE - 266297673',
  'DK 11 96 56 58',
  'DK-27996592',
  'EE 100 941 558',
  'EE101256754',
  'ES 54362415K',
  'ES-x-2322300w',
  'EL 094013834',
  'EL094501140',
  'FR 04409414264',
  'FR K 7399859312',
  'IE 4731823H',
  'IE8D79729I',
  'SK 1078449164',
  'SK 2020457679',
  'GB 802311781',
  'PL 5211355117',
  'IT 00118439992',
  'NL 806753743B01',
  'SE 556058115901',
  'PT 502448912',
  'LU 10059928',
  'FI 02459043',
  'SI 26808497',
];

describe('VAT ids that are well formed (python-stdnum vectors)', () => {
  const cases = Object.entries(VALID).flatMap(([prefix, ids]) => ids.map((id) => [prefix, id] as const));
  it.each(cases)('%s: %s', (_, id) => {
    expect(vatIdProblem(id)).toBeUndefined();
  });

  it('normalizes and maps prefixes to countries', () => {
    expect(parseVatId('EL 94051189')).toMatchObject({
      country: 'GR',
      normalized: 'EL094051189',
      checkDigits: 'verified',
    });
    expect(parseVatId('XI 980 7806 84')).toMatchObject({ country: 'GB', prefix: 'XI' });
    expect(parseVatId('NL4495445B01').normalized).toBe('NL004495445B01');
    expect(parseVatId('CHE-116.281.710 MWST')).toMatchObject({ country: 'CH', normalized: 'CHE116281710' });
    expect(parseVatId('HU 10672101').checkDigits).toBe('format_only');
  });
});

describe('malformed VAT ids are refused with malformed_vat_id and the reason', () => {
  it.each(BAD_CHECK_DIGITS)('bad check digits: %s', (id) => {
    expect(vatIdProblem(id)).toBe('bad_check_digits');
  });

  it.each([
    ['AT1 142 43 102', 'bad_format'],
    ['ATU 1515B209', 'bad_format'],
    ['BE 02A2.239.951', 'bad_format'],
    ['DE 011125440', 'bad_format'],
    ['NL 001241643801', 'bad_format'],
    ['SK A078449064', 'bad_format'],
    ['DE 1234', 'bad_format'],
    ['QQ 124567', 'unknown_prefix'],
    ['US 123456789', 'unknown_prefix'],
    ['', 'unknown_prefix'],
  ])('%s → %s', (id, problem) => {
    expect(vatIdProblem(id)).toBe(problem);
    try {
      parseVatId(id);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('malformed_vat_id');
    }
  });
});
