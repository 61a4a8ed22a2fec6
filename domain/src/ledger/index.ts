export * from './ledger-legs.js';
export * from './refund-refusal.js';
