/**
 * The workflow functions, for the worker's bundler (`workflowsPath`) only; each export's name is
 * its workflow type in the process registry (`@fanfare/contracts`), which a worker test checks.
 * Everything else imports contracts from `@fanfare/contracts`, never workflow bodies.
 */
export { assetIngestWorkflow } from './asset-ingest/asset-ingest.workflow.js';
export { checkoutWorkflow } from './checkout/checkout.workflow.js';
export { entitlementWorkflow } from './entitlement/entitlement.workflow.js';
export { fxRefreshWorkflow } from './fx-refresh/fx-refresh.workflow.js';
export { transcodeWorkflow } from './transcode/transcode.workflow.js';
