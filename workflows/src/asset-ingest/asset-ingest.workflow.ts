import {
  ASSET_INGEST_PROCESS,
  assetIngestStatusQuery,
  DEFAULT_ASSET_INGEST_POLICY,
  FailureType,
  TenantIdAttribute,
  type AssetActivities,
  type AssetIngestInput,
  type AssetIngestOutcome,
  type AssetIngestResult,
  type AssetIngestStatus,
  type AssetIngestStep,
  type AuditActivities,
  type MediaActivities,
  type MediaProbe,
  type StorageActivities,
  type TranscodeInput,
  TRANSCODE_TASK_QUEUE,
  TRANSCODE_WORKFLOW_TYPE,
  transcodeWorkflowId,
} from '@fanfare/contracts';
import {
  ActivityFailure,
  ApplicationFailure,
  log,
  ParentClosePolicy,
  patched,
  proxyActivities,
  startChild,
} from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { openProcess, type ProcessRun } from '../kit/index.js';
import { assessProbe, checkBlob, rejection } from './rules.js';

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

type Ingest = ProcessRun<AssetIngestStatus>;

/**
 * Validates one uploaded file by its content: checksum and size from the blob store, format
 * from probing, then the outcome on the `Asset` row and in the audit trail.
 */
export async function assetIngestWorkflow(input: AssetIngestInput): Promise<AssetIngestResult> {
  const { tenantId, assetId } = input;
  const process = openProcess<AssetIngestStatus>({
    definition: ASSET_INGEST_PROCESS,
    query: assetIngestStatusQuery,
    initial: { step: 'starting', outcome: null },
    waitingFor: ({ step }) => WAITING_FOR[step],
    keys: [{ key: TenantIdAttribute, value: tenantId }],
    firstUpsert: 'keys-then-status',
  });
  process.describe(input.mediaClass, input.storageKey);
  await records.markAssetProcessing({ tenantId, assetId });

  const { outcome, probe } = await inspect(process, input);

  process.enter('recording');
  await records.recordAssetIngestOutcome({ tenantId, assetId, outcome });
  await records.appendAuditEvent({
    tenantId,
    actorType: 'workflow',
    actorId: process.workflowId,
    action: outcome.status === 'ready' ? 'asset.ingested' : 'asset.rejected',
    subjectType: 'asset',
    subjectId: assetId,
    data: { storageKey: input.storageKey, mediaClass: input.mediaClass, outcome, probe },
    idempotencyKey: process.stepKey('audit', 'outcome'),
  });
  if (
    input.mediaClass === 'audio' &&
    outcome.status === 'ready' &&
    outcome.durationMs !== null &&
    patched('asset-ingest-transcode')
  ) {
    await startTranscode(input, outcome.durationMs);
  }
  process.enter(outcome.status, { outcome });
  process.describe(
    input.mediaClass,
    input.storageKey,
    outcome.status === 'ready' ? outcome.contentType : outcome.reason,
  );
  log.info('Asset ingest finished', { tenantId, assetId, status: outcome.status });
  return { ...outcome, assetId, probe };
}

/** The checks that decide the outcome; every way an upload can be bad ends as a rejection. */
async function inspect(
  process: Ingest,
  input: AssetIngestInput,
): Promise<{ outcome: AssetIngestOutcome; probe: MediaProbe | null }> {
  const policy = { ...DEFAULT_ASSET_INGEST_POLICY, ...input.policy };
  process.enter('checking_blob');
  const blob = await storage.statBlob({ storageKey: input.storageKey });
  if (blob === null)
    return { outcome: rejection('blob_missing', `Nothing was uploaded at ${input.storageKey}`), probe: null };
  const refused = checkBlob(input.mediaClass, blob, input.expectedSha256, policy);
  if (refused !== null) return { outcome: refused, probe: null };

  process.enter('probing');
  try {
    const probe = await media.probeMedia({ storageKey: input.storageKey });
    return { outcome: assessProbe(input.mediaClass, blob, probe), probe };
  } catch (error) {
    if (!(error instanceof ActivityFailure)) throw error;
    const cause = error.cause;
    const missing = cause instanceof ApplicationFailure && cause.type === FailureType.blobNotFound;
    const outcome = missing
      ? rejection('blob_missing', `The upload at ${input.storageKey} disappeared before it was probed`)
      : rejection('probe_failed', `The file could not be probed: ${cause?.message ?? error.message}`);
    return { outcome, probe: null };
  }
}

/**
 * Starts the accepted audio's transcode as an abandoned child: ingest answers the upload at once,
 * the transcode (minutes of ffmpeg on its own queue) lives on its own and keeps its id per asset.
 */
async function startTranscode(input: AssetIngestInput, durationMs: number): Promise<void> {
  const { tenantId, assetId, storageKey } = input;
  try {
    await startChild(TRANSCODE_WORKFLOW_TYPE, {
      workflowId: transcodeWorkflowId(tenantId, assetId),
      taskQueue: TRANSCODE_TASK_QUEUE,
      parentClosePolicy: ParentClosePolicy.ABANDON,
      args: [{ tenantId, assetId, storageKey, durationMs } satisfies TranscodeInput],
    });
  } catch (error) {
    // A re-ingest of the same asset while its transcode runs leaves that transcode alone.
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}
