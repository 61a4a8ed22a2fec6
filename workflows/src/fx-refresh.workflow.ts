import { log, proxyActivities } from '@temporalio/workflow';
import type { FxActivities, FxRefreshResult } from './ports/money-port.js';

// The feed is outside our control: retry a few times over an hour, then let the next day's run
// try again rather than pile up; stale rates only cost a warning banner, never a wrong charge.
const fx = proxyActivities<FxActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 minute', backoffCoefficient: 2, maximumInterval: '30 minutes', maximumAttempts: 5 },
});

/** Refreshes the display FX table once and warns in the workflow log when the rates are stale. */
export async function fxRefreshWorkflow(): Promise<FxRefreshResult> {
  const result = await fx.refreshFxRates();
  if (result.warning !== null) log.warn(result.warning, { asOf: result.asOf, ageHours: result.ageHours });
  return result;
}
