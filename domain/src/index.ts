export * from './roles.js';
export * from './hostnames.js';
