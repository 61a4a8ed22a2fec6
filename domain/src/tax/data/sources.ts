/**
 * Where each tax fact comes from. Rows in the rate tables name one of these keys so the citation
 * is written once and a reviewer can follow every rate to a publication. When a rate changes,
 * add a row with its own effective-from date and source; never edit a past row.
 */

/** A publication a tax rate is taken from. */
export interface TaxSource {
  /** Who published it and what it is. */
  readonly title: string;
  /** Where to read it. */
  readonly url: string;
}

/** Every source cited by the rate tables, by key. */
export const TAX_SOURCES = {
  ecRates: {
    title: 'European Commission, DG TAXUD: VAT rates applied in the Member States of the EU',
    url: 'https://taxation-customs.ec.europa.eu/taxation/vat/vat-directive/vat-rates_en',
  },
  avalaraEpub2018: {
    title: 'Avalara VATLive: 2018 harmonised e-publications VAT rates (table of national implementations)',
    url: 'https://www.avalara.com/vatlive/en/vat-news/2018-eu-harmonised-e-publications-vat-rates.html',
  },
  gvcEbooks2021: {
    title: 'Global VAT Compliance: VAT rates for e-books (last updated 2021-10-22)',
    url: 'https://www.globalvatcompliance.com/globalvatnews/vat-rates-for-ebooks-2021/',
  },
  vatapiNews: {
    title: 'VAT API news: EU VAT rate changes 2019–2026',
    url: 'https://vatapi.com/news',
  },
  fiVero2024: {
    title: 'Vero Skatt (Finnish Tax Administration): general VAT rate 25.5 % from 2024-09-01',
    url: 'https://vero.fi/sv/Detaljerade_skatteanvisningar/anvisningar/48354',
  },
  fiReduced2025: {
    title: 'Tungsten Automation country update, Finland: books reclassified from 10 % to 14 % (2025)',
    url: 'https://tungstenautomation.com/compliance-overview/country-updates/country/finland/vat-re-classifications-of-specific-products',
  },
  fiReduced2026: {
    title: 'VAT API: Finland lowers reduced VAT rate to 13.5 % effective 2026-01-01 (books included)',
    url: 'https://vatapi.com/news/article/finland-lowers-reduced-vat-rate-to-13-5-effective-1-january-2026',
  },
  skRates2025: {
    title: 'DLA Piper / CEE Legal Matters: changes in VAT rates in Slovakia from 2025-01-01',
    url: 'https://ceelegalmatters.com/slovakia/27912-changes-in-value-added-tax-rates-in-slovakia',
  },
  eeRate2025: {
    title: 'VAT API: Estonia raises standard VAT rate to 24 % (2025-07-01)',
    url: 'https://vatapi.com/news/article/estonia-raises-standard-vat-rate-to-24-percent',
  },
  eeEbooks2020: {
    title: 'VAT Calc: Estonia e-books to the 9 % reduced rate from 2020-05-01',
    url: 'https://www.vatcalc.com/estonia/estonia-vat-e-book-vat-cut/',
  },
  roRates2025: {
    title: 'Marosa VAT: Romania increases VAT rates from 2025-08-01 (21 % standard, 11 % reduced)',
    url: 'https://marosavat.com/vat-news/romanian-vat-rate-changes',
  },
  roEbooks2022: {
    title: 'Agerpres via stiripesurse.ro: law cutting VAT on electronic books to 5 % from 2022-01-01',
    url: 'https://www.stiripesurse.ro/president-promulgates-law-on-cutting-down-vat-quota-to-5pct-in-trading-electronic-books_2138175.html',
  },
  czBooks2024: {
    title: 'Sovos: Czech Republic VAT law changes 2024 (books incl. e-books exempt with right of deduction)',
    url: 'https://sovos.com/regulatory-updates/vat/czech-republic-vat-law-changes',
  },
  ieEbooks2024: {
    title: 'Dáil Éireann written answer 2023-12-05: e-books and audiobooks move to the zero rate from 2024-01-01',
    url: 'https://www.kildarestreet.com/wrans/?id=2023-12-05a.405',
  },
  ltBooks2023: {
    title: 'SimplyVAT: Lithuania applies 9 % to electronic books from 2023-01-01',
    url: 'https://simplyvat.com/lithuania-reduces-the-vat-rates-on-electronic-books-and-more/',
  },
  ltBooks2026: {
    title: 'Sovos: Lithuania removes the 9 % rate; printed and electronic books 5 % from 2026-01-01',
    url: 'https://sovos.com/regulatory-updates/vat/lithuania-removes-9-reduced-vat-rate',
  },
  lvEbooks2022: {
    title: 'VAT Calc: Latvia cuts e-books and press VAT rate to 5 % from 2022-01-01',
    url: 'https://www.vatcalc.com/latvia/latvia-cuts-e-books-and-press-vat-rate-to-5/',
  },
  cyBooks2023: {
    title: 'Meridian: Cyprus super-reduced 3 % rate for printed and electronic books from 2023-07-21',
    url: 'https://www.meridianglobalservices.com/blog/2023/08/01/cyprus-introduction-of-a-super-reduced-vat-rate-of-3',
  },
  siEbooks2020: {
    title: 'VAT Calc: Slovenia cuts VAT on e-books to 5 % from 2020-01-01',
    url: 'https://www.vatcalc.com/slovenia/slovenian-cuts-vat-on-e-books-to-5/',
  },
  esEbooks2020: {
    title: 'VAT API: Spain cuts e-book VAT rate to 4 % (2020-04-23)',
    url: 'https://vatapi.com/news/article/spain-cuts-ebook-vat-rate',
  },
  huEbooks: {
    title: 'Hungarian Publishers’ and Booksellers’ Association: the 5 % book rate does not extend to e-books',
    url: 'https://en.mkke.hu/archives/law_proposals/preferential_tax_rate_for_digital_and_e_books',
  },
  gbVat: {
    title: 'HM Revenue & Customs: VAT rates (standard 20 % from 2011-01-04)',
    url: 'https://www.gov.uk/guidance/rates-of-vat-on-different-goods-and-services',
  },
  gbEpub2020: {
    title: 'HM Revenue & Customs: zero rate for e-publications from 2020-05-01 (VAT Notice 701/10)',
    url: 'https://www.gov.uk/guidance/zero-rating-books-and-printed-matter-vat-notice-70110',
  },
  noMva: {
    title: 'Skatteetaten: merverdiavgift 25 %; e-books zero-rated from 2019-07-01 (Avalara e-publications table)',
    url: 'https://www.skatteetaten.no/en/business-and-organisation/vat-and-duties/vat/rates-and-exemptions/',
  },
  chMwst2024: {
    title: 'Swiss Federal Tax Administration: VAT rates from 2024-01-01 (8.1 % normal, 2.6 % reduced incl. e-books)',
    url: 'https://www.estv.admin.ch/estv/en/home/value-added-tax/vat-rates-switzerland.html',
  },
  auGst: {
    title: 'Australian Taxation Office: GST on imported digital products and services (10 %)',
    url: 'https://www.ato.gov.au/businesses-and-organisations/international-tax-for-business/gst-for-non-resident-businesses',
  },
  jpJct: {
    title: 'National Tax Agency Japan: consumption tax 10 % from 2019-10-01, cross-border e-services',
    url: 'https://www.nta.go.jp/english/taxes/consumption_tax/index.htm',
  },
  nzGst: {
    title: 'Inland Revenue NZ: GST 15 % on remote services',
    url: 'https://www.ird.govt.nz/gst/gst-for-overseas-businesses',
  },
  sgGst: {
    title: 'IRAS Singapore: GST 9 % from 2024-01-01, overseas vendor registration',
    url: 'https://www.iras.gov.sg/taxes/goods-services-tax-(gst)',
  },
  caRates: {
    title: 'Canada Revenue Agency: GST/HST rates by province (Avalara Canada guide, 2025-12)',
    url: 'https://www.canada.ca/en/revenue-agency/services/tax/businesses/topics/gst-hst-businesses/charge-collect-which-rate/calculator.html',
  },
  caNs2025: {
    title: 'VAT Calc: Nova Scotia HST cut to 14 % from 2025-04-01',
    url: 'https://vatcalc.com/canada/canada-nova-scotia-hst-1-cut-april-2025',
  },
  caQst: {
    title: 'Revenu Québec: QST 9.975 %, applies to digital supplies by non-residents since 2019-01-01',
    url: 'https://www.revenuquebec.ca/en/businesses/consumption-taxes/gsthst-and-qst/',
  },
  caPstDigital: {
    title:
      'VAT Calc: PST on digital services — Saskatchewan 6 % (2019-01), British Columbia 7 % (2021-04), Manitoba 7 % (2021-12)',
    url: 'https://vatcalc.com/canada/canada-saskatchewan-pst-digital-services-january-2019',
  },
  usRates2025: {
    title: 'Tax Foundation: State and Local Sales Tax Rates, 2025 (state rates)',
    url: 'https://taxfoundation.org/data/all/state/sales-tax-rates-2025/',
  },
  usDigital: {
    title:
      'TaxJar: Sales tax by state — should you charge sales tax on digital products? (updated 2024-01-13); doola state table',
    url: 'https://www.taxjar.com/blog/sales-tax-digital-products',
  },
  usLa2025: {
    title: 'Avalara: Louisiana raises sales tax rate to 5 % and taxes digital products from 2025-01-01 (HB 8, HB 10)',
    url: 'https://www.avalara.com/blog/en/north-america/2024/12/louisiana-to-raise-sales-tax-rate-tax-digital-products.html',
  },
} as const satisfies Record<string, TaxSource>;

/** Key of a cited source. */
export type TaxSourceKey = keyof typeof TAX_SOURCES;
