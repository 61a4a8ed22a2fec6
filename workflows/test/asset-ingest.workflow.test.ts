import { randomUUID } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError, WorkflowFailedError } from '@temporalio/client';
import { ActivityFailure, ApplicationFailure } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ASSET_INGEST_WORKFLOW_TYPE,
  assetIngestStatusQuery,
  assetIngestWorkflowId,
  FailureType,
  ProcessStatusAttribute,
  TenantIdAttribute,
  type AssetIngestInput,
  type AssetIngestResult,
} from '@fanfare/contracts';
import { FLAC_PROBE, fakeIngestActivities, type IngestActivities } from './support/fake-ingest-activities.js';
import { connectHarness, uniqueTaskQueue, type TemporalHarness } from './support/temporal-harness.js';

const taskQueue = uniqueTaskQueue('asset-ingest-wf');
let temporal: TemporalHarness;

beforeAll(async () => {
  temporal = await connectHarness();
});
afterAll(async () => {
  await temporal?.close();
});

function ingestInput(overrides: Partial<AssetIngestInput> = {}): AssetIngestInput {
  const assetId = randomUUID();
  return {
    tenantId: randomUUID(),
    assetId,
    storageKey: `tenants/t/assets/${assetId}/original.flac`,
    mediaClass: 'audio',
    ...overrides,
  };
}

function start(input: AssetIngestInput) {
  return temporal.client.workflow.start(ASSET_INGEST_WORKFLOW_TYPE, {
    taskQueue,
    workflowId: assetIngestWorkflowId(input.tenantId, input.assetId),
    args: [input],
  });
}

/** Runs one ingest to completion against `activities`. */
async function ingest(activities: IngestActivities, input = ingestInput()): Promise<AssetIngestResult> {
  return temporal.withWorker(
    taskQueue,
    activities,
    async () => (await start(input)).result() as Promise<AssetIngestResult>,
  );
}

describe('assetIngestWorkflow (real Temporal dev server, fake activities)', () => {
  it('accepts a FLAC, records it ready with the probed duration, audits it and tags the run', async () => {
    const { activities, calls } = fakeIngestActivities();
    const input = ingestInput();
    const { result, described, status } = await temporal.withWorker(taskQueue, activities, async () => {
      const handle = await start(input);
      const result = (await handle.result()) as AssetIngestResult;
      return { result, described: await handle.describe(), status: await handle.query(assetIngestStatusQuery) };
    });
    expect(result).toMatchObject({
      status: 'ready',
      assetId: input.assetId,
      contentType: 'audio/flac',
      durationMs: 3000,
      probe: FLAC_PROBE,
    });
    expect(calls.markAssetProcessing).toEqual([input.assetId]);
    expect(calls.outcomes).toEqual([
      { status: 'ready', contentType: 'audio/flac', sizeBytes: 412_345, sha256: 'ab'.repeat(32), durationMs: 3000 },
    ]);
    expect(calls.audit).toHaveLength(1);
    expect(calls.audit[0]).toMatchObject({
      tenantId: input.tenantId,
      actorType: 'workflow',
      actorId: assetIngestWorkflowId(input.tenantId, input.assetId),
      action: 'asset.ingested',
      subjectType: 'asset',
      subjectId: input.assetId,
      idempotencyKey: `${assetIngestWorkflowId(input.tenantId, input.assetId)}/audit/outcome`,
    });
    expect(described.typedSearchAttributes.get(TenantIdAttribute)).toBe(input.tenantId);
    expect(described.typedSearchAttributes.get(ProcessStatusAttribute)).toBe('ready');
    expect(status).toMatchObject({ step: 'ready', waitingFor: null, outcome: { status: 'ready' } });
  });

  it('answers the status query with what it is waiting for while the probe runs', async () => {
    let releaseProbe: () => void = () => undefined;
    const probeGate = new Promise<void>((resolve) => (releaseProbe = resolve));
    let probeStarted: () => void = () => undefined;
    const probing = new Promise<void>((resolve) => (probeStarted = resolve));
    const { activities } = fakeIngestActivities({
      probeMedia: async () => {
        probeStarted();
        await probeGate;
        return FLAC_PROBE;
      },
    });
    const input = ingestInput();
    const { midway, attribute } = await temporal.withWorker(taskQueue, activities, async () => {
      const handle = await start(input);
      await probing;
      const midway = await handle.query(assetIngestStatusQuery);
      const attribute = (await handle.describe()).typedSearchAttributes.get(ProcessStatusAttribute);
      releaseProbe();
      await handle.result();
      return { midway, attribute };
    });
    expect(midway).toEqual({
      step: 'probing',
      waitingFor: 'ffprobe and the magic-byte check to identify the content',
      outcome: null,
    });
    expect(attribute).toBe('probing');
  });

  it('fails the asset when the probe finds content it cannot identify (a text file named .mp3)', async () => {
    const { activities, calls } = fakeIngestActivities({
      probeMedia: async () => ({ type: 'unrecognized', detail: 'Invalid data found when processing input' }),
    });
    const result = await ingest(activities, ingestInput({ storageKey: 'tenants/t/assets/x/original.mp3' }));
    expect(result).toMatchObject({ status: 'failed', reason: 'unrecognized_format' });
    expect(calls.outcomes).toEqual([expect.objectContaining({ status: 'failed', reason: 'unrecognized_format' })]);
    expect(calls.audit[0]?.action).toBe('asset.rejected');
  });

  it('fails an audio upload that is really a PDF, and accepts an EPUB uploaded as an e-book', async () => {
    const pdf = fakeIngestActivities({ probeMedia: async () => ({ type: 'document', format: 'pdf' }) });
    expect(await ingest(pdf.activities)).toMatchObject({ status: 'failed', reason: 'wrong_media_class' });
    const epub = fakeIngestActivities({ probeMedia: async () => ({ type: 'document', format: 'epub' }) });
    expect(await ingest(epub.activities, ingestInput({ mediaClass: 'ebook' }))).toMatchObject({
      status: 'ready',
      contentType: 'application/epub+zip',
      durationMs: null,
    });
  });

  it('fails the asset without probing when no blob was uploaded', async () => {
    const { activities, calls } = fakeIngestActivities({ statBlob: async () => null });
    const result = await ingest(activities);
    expect(result).toMatchObject({ status: 'failed', reason: 'blob_missing', probe: null });
    expect(calls.probeMedia).toEqual([]);
    expect(calls.outcomes).toHaveLength(1);
  });

  it('fails the asset after one attempt when the blob disappears during the probe (non-retryable)', async () => {
    const { activities, calls } = fakeIngestActivities({
      probeMedia: async () => {
        throw ApplicationFailure.nonRetryable('No blob at k', FailureType.blobNotFound);
      },
    });
    expect(await ingest(activities)).toMatchObject({ status: 'failed', reason: 'blob_missing' });
    expect(calls.probeMedia).toHaveLength(1);
  });

  it('refuses a checksum mismatch and an over-size audio file before probing', async () => {
    const mismatch = fakeIngestActivities();
    expect(await ingest(mismatch.activities, ingestInput({ expectedSha256: 'cd'.repeat(32) }))).toMatchObject({
      status: 'failed',
      reason: 'checksum_mismatch',
    });
    const large = fakeIngestActivities();
    expect(await ingest(large.activities, ingestInput({ policy: { maxAudioBytes: 1000 } }))).toMatchObject({
      status: 'failed',
      reason: 'too_large',
    });
    expect([...mismatch.calls.probeMedia, ...large.calls.probeMedia]).toEqual([]);
  });

  it('retries transient failures of the blob store and the database, then succeeds', async () => {
    let statAttempts = 0;
    let recordAttempts = 0;
    const { activities, calls } = fakeIngestActivities({
      statBlob: async ({ storageKey }) => {
        statAttempts += 1;
        if (statAttempts < 3) throw new Error('blob store unavailable');
        return { storageKey, sizeBytes: 10, sha256: 'ef'.repeat(32), declaredContentType: 'audio/flac' };
      },
      recordAssetIngestOutcome: async () => {
        recordAttempts += 1;
        if (recordAttempts < 2) throw new Error('connection terminated');
      },
    });
    expect(await ingest(activities)).toMatchObject({ status: 'ready', sizeBytes: 10 });
    expect(statAttempts).toBe(3);
    expect(recordAttempts).toBe(2);
    expect(calls.outcomes).toHaveLength(1);
  });

  it('gives up on a probe that keeps crashing after three attempts and fails the asset visibly', async () => {
    const { activities, calls } = fakeIngestActivities({
      probeMedia: async () => {
        throw new Error('ffprobe killed by signal SIGKILL');
      },
    });
    const result = await ingest(activities);
    expect(result).toMatchObject({ status: 'failed', reason: 'probe_failed' });
    expect(result.status === 'failed' && result.message).toContain('SIGKILL');
    expect(calls.probeMedia).toHaveLength(3);
  });

  it('fails the workflow, without retrying, when the asset row does not exist', async () => {
    const { activities, calls } = fakeIngestActivities({
      markAssetProcessing: async ({ assetId }) => {
        throw ApplicationFailure.nonRetryable(`Asset ${assetId} does not exist`, FailureType.assetNotFound);
      },
    });
    const error = await ingest(activities).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkflowFailedError);
    const activityFailure = (error as WorkflowFailedError).cause;
    expect(activityFailure).toBeInstanceOf(ActivityFailure);
    expect(activityFailure?.cause).toBeInstanceOf(ApplicationFailure);
    expect(activityFailure?.cause).toMatchObject({ type: FailureType.assetNotFound });
    expect(calls.markAssetProcessing).toHaveLength(1);
    expect(calls.statBlob).toEqual([]);
  });

  it('derives the workflow id from the business keys, so a second start of the same ingest is refused', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { activities } = fakeIngestActivities({
      statBlob: async ({ storageKey }) => {
        await gate;
        return { storageKey, sizeBytes: 1, sha256: 'aa'.repeat(32), declaredContentType: 'audio/flac' };
      },
    });
    const input = ingestInput();
    const second = await temporal.withWorker(taskQueue, activities, async () => {
      const handle = await start(input);
      const again = await start(input).catch((e: unknown) => e);
      release();
      await handle.result();
      return again;
    });
    expect(second).toBeInstanceOf(WorkflowExecutionAlreadyStartedError);
  });
});
