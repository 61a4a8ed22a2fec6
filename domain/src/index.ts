export * from './roles.js';
export * from './hostnames.js';
export * from './errors.js';
export * from './money/index.js';
export * from './notes.js';
export * from './geo/index.js';
export * from './tax/index.js';
export * from './discounts/index.js';
