export * from './discount-code.js';
export * from './apply-discount.js';
