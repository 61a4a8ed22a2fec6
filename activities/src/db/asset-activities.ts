import { ApplicationFailure } from '@temporalio/common';
import { Asset, forTenant, type EntityManager } from '@fanfare/db';
import { FailureType, type AssetActivities, type AssetIngestOutcome } from '@fanfare/contracts';
import { isUuid } from './deterministic-uuid.js';

/** What the database activities need: the ORM's root EntityManager, forked per call. */
export interface DbActivityDeps {
  em: EntityManager;
}

function assetNotFound(tenantId: string, assetId: string): ApplicationFailure {
  return ApplicationFailure.nonRetryable(
    `Asset ${assetId} does not exist for tenant ${tenantId}`,
    FailureType.assetNotFound,
  );
}

/** The column values an outcome sets. */
function changesFor(
  outcome: AssetIngestOutcome,
): Partial<Pick<Asset, 'status' | 'contentType' | 'sizeBytes' | 'sha256' | 'durationMs'>> {
  if (outcome.status === 'failed') return { status: 'failed' };
  return {
    status: 'ready',
    contentType: outcome.contentType,
    sizeBytes: outcome.sizeBytes,
    sha256: outcome.sha256,
    durationMs: outcome.durationMs,
  };
}

/**
 * Activities over `Asset` rows. Each update is one conditional statement that never touches a
 * `blocked` asset, so a takedown that lands mid-ingest is not undone by the ingest finishing.
 */
export function createAssetActivities(deps: DbActivityDeps): AssetActivities {
  async function updateUnlessBlocked(
    tenantId: string,
    assetId: string,
    changes: ReturnType<typeof changesFor>,
  ): Promise<void> {
    // A malformed id would make PostgreSQL fail the same way on every retry.
    if (!isUuid(tenantId) || !isUuid(assetId)) throw assetNotFound(tenantId, assetId);
    const em = forTenant(deps.em, tenantId);
    const updated = await em.nativeUpdate(Asset, { id: assetId, status: { $ne: 'blocked' } }, changes);
    if (updated === 0 && (await em.count(Asset, { id: assetId })) === 0) throw assetNotFound(tenantId, assetId);
  }

  return {
    async markAssetProcessing({ tenantId, assetId }) {
      await updateUnlessBlocked(tenantId, assetId, { status: 'processing' });
    },
    async recordAssetIngestOutcome({ tenantId, assetId, outcome }) {
      await updateUnlessBlocked(tenantId, assetId, changesFor(outcome));
    },
  };
}
