export * from './currency.js';
export * from './rounding.js';
export * from './money.js';
export * from './allocate.js';
export * from './percent.js';
export * from './format.js';
export * from './cash-rounding.js';
