export * from './countries.js';
export * from './subdivisions.js';
export * from './local-currency.js';
