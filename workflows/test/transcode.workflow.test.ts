import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { WorkflowFailedError } from '@temporalio/client';
import { ApplicationFailure, CancelledFailure } from '@temporalio/common';
import { Context } from '@temporalio/activity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ASSET_INGEST_WORKFLOW_TYPE,
  assetIngestWorkflowId,
  FailureType,
  TRANSCODE_TASK_QUEUE,
  TRANSCODE_WORKFLOW_TYPE,
  transcodeStatusQuery,
  transcodeWorkflowId,
  type TranscodeInput,
  type TranscodeOutcome,
} from '@fanfare/contracts';
import { fakeIngestActivities } from './support/fake-ingest-activities.js';
import { fakeTranscodeActivities, transcodedAudio } from './support/fake-transcode-activities.js';
import { connectHarness, uniqueTaskQueue, type TemporalHarness } from './support/temporal-harness.js';

const taskQueue = uniqueTaskQueue('transcode-wf');
let temporal: TemporalHarness;

beforeAll(async () => {
  temporal = await connectHarness();
});
afterAll(async () => {
  await temporal?.close();
});

function transcodeInput(overrides: Partial<TranscodeInput> = {}): TranscodeInput {
  const assetId = randomUUID();
  return {
    tenantId: randomUUID(),
    assetId,
    storageKey: `tenants/t/assets/${assetId}/original.flac`,
    durationMs: 3000,
    ...overrides,
  };
}

function start(input: TranscodeInput) {
  return temporal.client.workflow.start(TRANSCODE_WORKFLOW_TYPE, {
    taskQueue,
    workflowId: transcodeWorkflowId(input.tenantId, input.assetId),
    args: [input],
  });
}

async function transcode(activities: object, input = transcodeInput()): Promise<TranscodeOutcome> {
  return temporal.withWorker(
    taskQueue,
    activities,
    async () => (await start(input)).result() as Promise<TranscodeOutcome>,
  );
}

describe('transcodeWorkflow (real Temporal dev server, fake activities)', () => {
  it('renders the track and its cover art, records it ready and audits it', async () => {
    const { activities, calls } = fakeTranscodeActivities();
    const input = transcodeInput({ coverStorageKey: 'tenants/t/covers/c.png' });
    const { outcome, status } = await temporal.withWorker(taskQueue, activities, async () => {
      const handle = await start(input);
      const outcome = (await handle.result()) as TranscodeOutcome;
      return { outcome, status: await handle.query(transcodeStatusQuery) };
    });
    const prefix = `tenants/${input.tenantId}/assets/${input.assetId}/transcode/v1`;
    expect(outcome).toMatchObject({ status: 'ready', presetVersion: 1, ...transcodedAudio(prefix) });
    expect(outcome.status === 'ready' && outcome.coverKeys).toHaveLength(6);
    expect(calls.marked).toEqual([input.assetId]);
    expect(calls.transcodeAudio).toEqual([
      { storageKey: input.storageKey, declaredDurationMs: 3000, outputPrefix: prefix, presetVersion: 1 },
    ]);
    expect(calls.renderCoverArt).toEqual([`${prefix}/cover`]);
    expect(calls.outcomes).toEqual([outcome]);
    expect(calls.audit).toMatchObject([{ action: 'track.transcoded', subjectId: input.assetId }]);
    expect(status).toMatchObject({ step: 'ready', waitingFor: null });
  });

  it('refuses a track over the duration limit before any ffmpeg runs', async () => {
    const { activities, calls } = fakeTranscodeActivities();
    const input = transcodeInput({ durationMs: 3 * 60_000, policy: { maxDurationMs: 60_000 } });
    const outcome = await transcode(activities, input);
    expect(outcome).toEqual({
      status: 'failed',
      reason: 'too_long',
      message: 'Tracks may be at most 1 min long; this one is 3 min',
    });
    expect(calls.transcodeAudio).toEqual([]);
    expect(calls.outcomes).toEqual([outcome]);
  });

  it("fails for good, after one attempt, with ffmpeg's reason when the file cannot be decoded", async () => {
    const { activities, calls } = fakeTranscodeActivities({
      async transcodeAudio() {
        throw ApplicationFailure.nonRetryable(
          'ffmpeg cannot decode the file: invalid residual',
          FailureType.undecodableMedia,
        );
      },
    });
    const outcome = await transcode(activities);
    expect(outcome).toEqual({
      status: 'failed',
      reason: 'undecodable',
      message: 'ffmpeg cannot decode the file: invalid residual',
    });
    expect(calls.transcodeAudio).toHaveLength(1);
    expect(calls.audit).toMatchObject([{ action: 'track.not_transcoded' }]);
  });

  it('retries a transient failure (a worker fault) and then finishes once', async () => {
    const { activities, calls } = fakeTranscodeActivities({
      async transcodeAudio(input, attempt) {
        if (attempt === 1) throw new Error('ffmpeg was killed before it finished');
        return transcodedAudio(input.outputPrefix);
      },
    });
    const outcome = await transcode(activities);
    expect(outcome.status).toBe('ready');
    expect(calls.transcodeAudio).toHaveLength(2);
    expect(calls.outcomes).toHaveLength(1);
  });

  it('leaves a blocked track blocked and does not transcode it', async () => {
    const { activities, calls } = fakeTranscodeActivities({ trackStatus: 'blocked' });
    const outcome = await transcode(activities);
    expect(outcome).toMatchObject({ status: 'blocked', reason: 'blocked' });
    expect(calls.transcodeAudio).toEqual([]);
  });

  it('cancelled half-way: waits for the activity to clean up, then records the track failed as cancelled', async () => {
    let cleanedUp = false;
    const { activities, calls } = fakeTranscodeActivities({
      async transcodeAudio() {
        const context = Context.current();
        // Heartbeats deliver the cancellation, as ffmpeg's progress does in the real activity.
        while (!context.cancellationSignal.aborted) {
          context.heartbeat({ progress: 0.5 });
          await sleep(100);
        }
        cleanedUp = true;
        throw new CancelledFailure('cancelled');
      },
    });
    const input = transcodeInput();
    const failure = await temporal.withWorker(taskQueue, activities, async () => {
      const handle = await start(input);
      while (calls.transcodeAudio.length === 0) await sleep(100);
      await handle.cancel();
      return handle.result().catch((error: unknown) => error);
    });
    expect(failure).toBeInstanceOf(WorkflowFailedError);
    expect((failure as WorkflowFailedError).cause).toBeInstanceOf(CancelledFailure);
    expect(cleanedUp).toBe(true);
    expect(calls.outcomes).toEqual([
      { status: 'failed', reason: 'cancelled', message: 'The transcode was cancelled before it finished' },
    ]);
  });

  it('is started by asset ingest for accepted audio, on its own queue, with the probed duration', async () => {
    const ingestQueue = uniqueTaskQueue('transcode-ingest');
    const tenantId = randomUUID();
    const assetId = randomUUID();
    const storageKey = `tenants/t/assets/${assetId}/original.flac`;
    await temporal.withWorker(ingestQueue, fakeIngestActivities().activities, async () => {
      const ingest = await temporal.client.workflow.start(ASSET_INGEST_WORKFLOW_TYPE, {
        taskQueue: ingestQueue,
        workflowId: assetIngestWorkflowId(tenantId, assetId),
        args: [{ tenantId, assetId, storageKey, mediaClass: 'audio' }],
      });
      await ingest.result();
    });
    const child = temporal.client.workflow.getHandle(transcodeWorkflowId(tenantId, assetId));
    const described = await child.describe();
    expect(described).toMatchObject({
      type: TRANSCODE_WORKFLOW_TYPE,
      taskQueue: TRANSCODE_TASK_QUEUE,
      status: { name: 'RUNNING' },
    });
    const history = await child.fetchHistory();
    const started = history.events?.[0]?.workflowExecutionStartedEventAttributes;
    expect(started?.parentWorkflowExecution?.workflowId).toBe(assetIngestWorkflowId(tenantId, assetId));
    // No worker polls the transcode queue here; the test's run ends with it.
    await child.terminate('test finished');
  });
});
