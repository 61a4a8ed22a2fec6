export * from './roles.js';
export * from './hostnames.js';
export * from './errors.js';
export * from './money/index.js';
