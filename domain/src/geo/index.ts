export * from './countries.js';
export * from './subdivisions.js';
