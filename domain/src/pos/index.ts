export * from './payment-methods.js';
export * from './point-of-sale.js';
