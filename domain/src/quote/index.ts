export * from './quote-types.js';
export * from './quote.js';
