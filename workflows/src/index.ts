export * from './search-attributes.js';
