export * from './sources.js';
export * from './rate-row.js';
export * from './eu-vat.js';
export * from './other-vat.js';
export * from './canada.js';
export * from './us-sales-tax.js';
