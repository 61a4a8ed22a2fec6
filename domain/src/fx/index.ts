export * from './fx-snapshot.js';
export * from './ecb-xml.js';
export * from './ecb-snapshot.js';
