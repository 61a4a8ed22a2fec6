import {
  FX_REFRESH_PROCESS,
  fxRefreshStatusQuery,
  type FxActivities,
  type FxRefreshResult,
  type FxRefreshStatus,
} from '@fanfare/contracts';
import { log, proxyActivities } from '@temporalio/workflow';
import { openProcess } from '../kit/index.js';

// The feed is outside our control: retry a few times over an hour, then let the next day's run
// try again rather than pile up; stale rates only cost a warning banner, never a wrong charge.
const fx = proxyActivities<FxActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 minute', backoffCoefficient: 2, maximumInterval: '30 minutes', maximumAttempts: 5 },
});

/** Refreshes the display FX table once and warns in the workflow log when the rates are stale. */
export async function fxRefreshWorkflow(): Promise<FxRefreshResult> {
  const process = openProcess<FxRefreshStatus>({
    definition: FX_REFRESH_PROCESS,
    query: fxRefreshStatusQuery,
    initial: { step: 'fetching', asOf: null, warning: null },
    waitingFor: ({ step }) => (step === 'fetching' ? 'the reference-rate feed' : null),
  });
  const result = await fx.refreshFxRates();
  if (result.warning !== null) log.warn(result.warning, { asOf: result.asOf, ageHours: result.ageHours });
  process.enter('done', { asOf: result.asOf, warning: result.warning }, result.stale ? 'done_stale' : 'done');
  process.describe(`rates of ${result.asOf}`, result.stale ? 'stale' : null);
  return result;
}
