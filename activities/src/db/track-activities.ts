import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { Asset, forTenant, TrackTranscode } from '@fanfare/db';
import { FailureType, type TrackActivities, type TrackStatus, type TranscodeOutcome } from '@fanfare/contracts';
import type { DbActivityDeps } from './asset-activities.js';
import { isUuid } from './deterministic-uuid.js';

/** The columns an outcome sets. */
function changesFor(outcome: TranscodeOutcome): Partial<TrackTranscode> {
  if (outcome.status !== 'ready') {
    return { status: outcome.status, reason: outcome.reason, message: outcome.message, manifest: null };
  }
  const { status, presetVersion, durationMs, ...manifest } = outcome;
  return { status, reason: null, message: null, presetVersion, durationMs, manifest: { ...manifest } };
}

/**
 * Activities over `TrackTranscode` rows. Every write skips a `blocked` track, so a takedown
 * landing mid-transcode is never undone by the transcode finishing.
 */
export function createTrackActivities(deps: DbActivityDeps): TrackActivities {
  async function tenantEm(tenantId: string, assetId: string) {
    const em = forTenant(deps.em, tenantId);
    if (!isUuid(tenantId) || !isUuid(assetId) || (await em.count(Asset, { id: assetId })) === 0) {
      throw ApplicationFailure.nonRetryable(
        `Asset ${assetId} does not exist for tenant ${tenantId}`,
        FailureType.assetNotFound,
      );
    }
    return em;
  }

  return {
    async markTrackProcessing({ tenantId, assetId }): Promise<TrackStatus> {
      const em = await tenantEm(tenantId, assetId);
      const existing = await em.findOne(TrackTranscode, { assetId });
      if (existing === null) {
        const now = new Date();
        em.create(TrackTranscode, {
          id: randomUUID(),
          tenantId,
          assetId,
          status: 'processing',
          createdAt: now,
          updatedAt: now,
        });
        await em.flush();
        return 'processing';
      }
      if (existing.status === 'blocked') return 'blocked';
      await em.nativeUpdate(
        TrackTranscode,
        { assetId, status: { $ne: 'blocked' } },
        { status: 'processing', reason: null, message: null, updatedAt: new Date() },
      );
      return 'processing';
    },
    async recordTrackTranscode({ tenantId, assetId, outcome }) {
      const em = await tenantEm(tenantId, assetId);
      await em.nativeUpdate(
        TrackTranscode,
        { assetId, status: { $ne: 'blocked' } },
        { ...changesFor(outcome), updatedAt: new Date() },
      );
    },
  };
}
