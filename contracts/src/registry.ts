import { ASSET_INGEST_PROCESS } from './asset-ingest.js';
import { CHECKOUT_PROCESS } from './checkout.js';
import { ENTITLEMENT_PROCESS } from './entitlement.js';
import { FX_REFRESH_PROCESS } from './fx-refresh.js';
import { TRANSCODE_PROCESS } from './transcode.js';
import type { ProcessDefinition } from './processes.js';

/**
 * The process registry: every business process Fanfare runs. The worker derives its task queues,
 * the workflows it expects in its bundle and the activity groups it registers from this list, so
 * a new process is added here (with its contract) and nowhere else.
 */
export const PROCESS_REGISTRY: readonly ProcessDefinition[] = [
  CHECKOUT_PROCESS,
  ENTITLEMENT_PROCESS,
  ASSET_INGEST_PROCESS,
  FX_REFRESH_PROCESS,
  TRANSCODE_PROCESS,
];
