export * from './invoice-types.js';
export * from './invoice-number.js';
export * from './build-invoice.js';
export * from './credit-note.js';
