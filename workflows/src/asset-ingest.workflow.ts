import {
  ActivityFailure,
  ApplicationFailure,
  log,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import {
  assetIngestStatusQuery,
  DEFAULT_ASSET_INGEST_POLICY,
  type AssetIngestInput,
  type AssetIngestResult,
  type AssetIngestStatus,
  type AssetIngestStep,
} from './asset-ingest.contract.js';
import { assessProbe, checkBlob, rejection } from './asset-ingest.rules.js';
import { FailureType } from './failure-types.js';
import type { AssetActivities, AssetIngestOutcome } from './ports/asset-port.js';
import type { AuditActivities } from './ports/audit-port.js';
import type { MediaActivities, MediaProbe } from './ports/media-port.js';
import type { StorageActivities } from './ports/storage-port.js';
import { ProcessStatusAttribute, TenantIdAttribute } from './search-attributes.js';

// A blob store that is down for a few minutes is worth waiting for; a missing blob is not.
const storage = proxyActivities<StorageActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 10 },
});

// Probing copies up to 500 MiB before ffprobe reads it; a few attempts, then the upload fails visibly.
const media = proxyActivities<MediaActivities>({
  startToCloseTimeout: '15 minutes',
  retry: {
    initialInterval: '1 second',
    maximumInterval: '30 seconds',
    maximumAttempts: 3,
    nonRetryableErrorTypes: [FailureType.blobNotFound],
  },
});

// The outcome must reach the database, so database steps retry until it is back (no attempt cap).
const records = proxyActivities<AssetActivities & AuditActivities>({
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '1 second',
    maximumInterval: '1 minute',
    nonRetryableErrorTypes: [FailureType.assetNotFound, FailureType.invalidInput],
  },
});

const WAITING_FOR: Record<AssetIngestStep, string | null> = {
  starting: 'the asset to be marked as processing',
  checking_blob: 'the blob store to describe the upload',
  probing: 'ffprobe and the magic-byte check to identify the content',
  recording: 'the database to record the outcome',
  ready: null,
  failed: null,
};

/**
 * Validates one uploaded file by its content: checksum and size from the blob store, format
 * from probing, then the outcome on the `Asset` row and in the audit trail.
 */
export async function assetIngestWorkflow(input: AssetIngestInput): Promise<AssetIngestResult> {
  let status: AssetIngestStatus = { step: 'starting', waitingFor: WAITING_FOR.starting, outcome: null };
  setHandler(assetIngestStatusQuery, () => status);
  const enter = (step: AssetIngestStep, outcome: AssetIngestOutcome | null = null): void => {
    status = { step, waitingFor: WAITING_FOR[step], outcome };
    upsertSearchAttributes([{ key: ProcessStatusAttribute, value: step }]);
  };
  upsertSearchAttributes([{ key: TenantIdAttribute, value: input.tenantId }]);
  enter('starting');
  const { tenantId, assetId } = input;
  await records.markAssetProcessing({ tenantId, assetId });

  const { outcome, probe } = await inspect(input, enter);

  enter('recording');
  await records.recordAssetIngestOutcome({ tenantId, assetId, outcome });
  const { workflowId } = workflowInfo();
  await records.appendAuditEvent({
    tenantId,
    actorType: 'workflow',
    actorId: workflowId,
    action: outcome.status === 'ready' ? 'asset.ingested' : 'asset.rejected',
    subjectType: 'asset',
    subjectId: assetId,
    data: { storageKey: input.storageKey, mediaClass: input.mediaClass, outcome, probe },
    idempotencyKey: `${workflowId}/audit/outcome`,
  });
  enter(outcome.status, outcome);
  log.info('Asset ingest finished', { tenantId, assetId, status: outcome.status });
  return { ...outcome, assetId, probe };
}

/** The checks that decide the outcome; every way an upload can be bad ends as a rejection. */
async function inspect(
  input: AssetIngestInput,
  enter: (step: AssetIngestStep) => void,
): Promise<{ outcome: AssetIngestOutcome; probe: MediaProbe | null }> {
  const policy = { ...DEFAULT_ASSET_INGEST_POLICY, ...input.policy };
  enter('checking_blob');
  const blob = await storage.statBlob({ storageKey: input.storageKey });
  if (blob === null)
    return { outcome: rejection('blob_missing', `Nothing was uploaded at ${input.storageKey}`), probe: null };
  const refused = checkBlob(input.mediaClass, blob, input.expectedSha256, policy);
  if (refused !== null) return { outcome: refused, probe: null };

  enter('probing');
  let probe: MediaProbe;
  try {
    probe = await media.probeMedia({ storageKey: input.storageKey });
  } catch (error) {
    if (!(error instanceof ActivityFailure)) throw error;
    const cause = error.cause;
    if (cause instanceof ApplicationFailure && cause.type === FailureType.blobNotFound) {
      return {
        outcome: rejection('blob_missing', `The upload at ${input.storageKey} disappeared before it was probed`),
        probe: null,
      };
    }
    return {
      outcome: rejection('probe_failed', `The file could not be probed: ${cause?.message ?? error.message}`),
      probe: null,
    };
  }
  return { outcome: assessProbe(input.mediaClass, blob, probe), probe };
}
