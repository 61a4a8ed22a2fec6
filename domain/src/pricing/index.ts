export * from './price-list.js';
export * from './charm.js';
export * from './display-price.js';
