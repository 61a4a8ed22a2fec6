import { log, proxyActivities, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import { fxRefreshStatusQuery, type FxRefreshStatus } from './fx-refresh.contract.js';
import type { FxActivities, FxRefreshResult } from './ports/money-port.js';
import { ProcessStatusAttribute } from './search-attributes.js';

// The feed is outside our control: retry a few times over an hour, then let the next day's run
// try again rather than pile up; stale rates only cost a warning banner, never a wrong charge.
const fx = proxyActivities<FxActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 minute', backoffCoefficient: 2, maximumInterval: '30 minutes', maximumAttempts: 5 },
});

/** Refreshes the display FX table once and warns in the workflow log when the rates are stale. */
export async function fxRefreshWorkflow(): Promise<FxRefreshResult> {
  let status: FxRefreshStatus = { step: 'fetching', waitingFor: 'the reference-rate feed', asOf: null, warning: null };
  setHandler(fxRefreshStatusQuery, () => status);
  upsertSearchAttributes([{ key: ProcessStatusAttribute, value: 'fetching' }]);
  const result = await fx.refreshFxRates();
  if (result.warning !== null) log.warn(result.warning, { asOf: result.asOf, ageHours: result.ageHours });
  status = { step: 'done', waitingFor: null, asOf: result.asOf, warning: result.warning };
  upsertSearchAttributes([{ key: ProcessStatusAttribute, value: result.stale ? 'done_stale' : 'done' }]);
  return result;
}
