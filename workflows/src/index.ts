export * from './search-attributes.js';
export * from './task-queues.js';
export * from './failure-types.js';
export type * from './ports/index.js';
export * from './asset-ingest.contract.js';
export { assessProbe, checkBlob } from './asset-ingest.rules.js';
export * from './entitlement.contract.js';
export * from './checkout.contract.js';
export { allocate, estimateProcessorFee, refundRefusal, reversalLegs, saleLegs } from './checkout.rules.js';
