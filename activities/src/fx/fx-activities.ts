import { ECB_DAILY_FEED_URL, fxStaleness, parseEcbReferenceXml } from '@fanfare/domain';
import { latestFxSnapshot, storeFxSnapshot, type EntityManager } from '@fanfare/db';
import type { FxActivities } from '@fanfare/contracts';

/** What the FX refresh needs. */
export interface FxActivityDeps {
  em: EntityManager;
  /** An ECB eurofxref-format document; `FX_FEED_URL`, by default the ECB daily file. */
  fxFeedUrl?: string;
  /** Injected for tests; the global `fetch` otherwise. */
  fetch?: typeof fetch;
  /** The clock the staleness is judged by. */
  now?: () => Date;
}

/**
 * Reads the feed, stores its newest day (once), and reports how old the newest stored rates
 * are. A feed that cannot be read fails the attempt (Temporal retries); a malformed one throws
 * `malformed_fx_feed` and the stored rates stay as they were, flagged stale once they age.
 */
export function createFxActivities(deps: FxActivityDeps): FxActivities {
  const url = deps.fxFeedUrl ?? ECB_DAILY_FEED_URL;
  const get = deps.fetch ?? fetch;
  return {
    async refreshFxRates() {
      const response = await get(url, { signal: AbortSignal.timeout(20_000) });
      if (!response.ok) throw new Error(`FX feed ${url} answered ${response.status}`);
      const snapshot = parseEcbReferenceXml(await response.text(), url);
      const stored = await storeFxSnapshot(deps.em, snapshot);
      const newest = await latestFxSnapshot(deps.em);
      const staleness = fxStaleness(newest, (deps.now ?? (() => new Date()))());
      return {
        asOf: newest.asOf,
        source: newest.source,
        stored,
        stale: staleness.stale,
        ageHours: staleness.ageHours,
        warning: staleness.stale
          ? `FX rates are ${staleness.ageHours} h old (reference day ${newest.asOf} from ${newest.source}); the feed has no newer day`
          : null,
      };
    },
  };
}
