/**
 * The workflow functions, for the worker's bundler (`workflowsPath`) only. Everything else
 * imports contracts from `index.ts`, never workflow bodies.
 */
export { assetIngestWorkflow } from './asset-ingest.workflow.js';
export { entitlementWorkflow } from './entitlement.workflow.js';
export { checkoutWorkflow } from './checkout.workflow.js';
export { fxRefreshWorkflow } from './fx-refresh.workflow.js';
