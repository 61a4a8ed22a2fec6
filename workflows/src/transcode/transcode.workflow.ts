import {
  DEFAULT_TRANSCODE_POLICY,
  FailureType,
  TenantIdAttribute,
  TRANSCODE_PRESET,
  TRANSCODE_PROCESS,
  transcodeOutputPrefix,
  transcodeStatusQuery,
  type AuditActivities,
  type TrackActivities,
  type TranscodeActivities,
  type TranscodeInput,
  type TranscodeOutcome,
  type TranscodeStatus,
  type TranscodeStep,
} from '@fanfare/contracts';
import {
  ActivityCancellationType,
  CancellationScope,
  isCancellation,
  log,
  proxyActivities,
} from '@temporalio/workflow';
import { namedFailure, openProcess, type ProcessRun } from '../kit/index.js';
import { checkDuration, untranscoded } from './rules.js';

// An encode of a long track takes minutes; heartbeats (ffmpeg's progress) show it is alive, and a
// worker killed mid-encode is noticed within the heartbeat timeout and the encode starts again.
// Cancellation waits for the activity to stop ffmpeg and remove its partial output.
const transcoding = proxyActivities<TranscodeActivities>({
  startToCloseTimeout: '2 hours',
  heartbeatTimeout: '30 seconds',
  cancellationType: ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
  retry: {
    initialInterval: '5 seconds',
    maximumInterval: '2 minutes',
    maximumAttempts: 5,
    nonRetryableErrorTypes: [FailureType.undecodableMedia, FailureType.blobNotFound, FailureType.invalidInput],
  },
});

// The outcome must reach the database, so database steps retry until it is back.
const records = proxyActivities<TrackActivities & AuditActivities>({
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '1 second',
    maximumInterval: '1 minute',
    nonRetryableErrorTypes: [FailureType.assetNotFound, FailureType.invalidInput],
  },
});

const WAITING_FOR: Record<TranscodeStep, string | null> = {
  starting: 'the track to be marked as processing',
  transcoding: 'ffmpeg to normalise the loudness and render the HLS ladder, preview and waveform',
  cover_art: 'the cover art renditions',
  recording: 'the database to record the outcome',
  ready: null,
  failed: null,
  blocked: null,
};

type Transcode = ProcessRun<TranscodeStatus>;

/**
 * Turns one ingested audio original into loudness-normalised HLS renditions, a public preview,
 * waveform peaks and cover art, and moves its track draft → processing → ready, or to failed
 * with the reason. A cancelled transcode leaves no output and records why it stopped.
 */
export async function transcodeWorkflow(input: TranscodeInput): Promise<TranscodeOutcome> {
  const { tenantId, assetId } = input;
  const process = openProcess<TranscodeStatus>({
    definition: TRANSCODE_PROCESS,
    query: transcodeStatusQuery,
    initial: { step: 'starting', outcome: null },
    waitingFor: ({ step }) => WAITING_FOR[step],
    keys: [{ key: TenantIdAttribute, value: tenantId }],
  });
  process.describe(input.storageKey);
  const status = await records.markTrackProcessing({ tenantId, assetId });

  let outcome: TranscodeOutcome;
  try {
    outcome =
      status === 'blocked'
        ? untranscoded('blocked', 'The track is blocked by a takedown', 'blocked')
        : await render(process, input);
  } catch (error) {
    if (!isCancellation(error)) throw error;
    // The activity has stopped ffmpeg and removed its output; the track records why it stopped.
    outcome = untranscoded('cancelled', 'The transcode was cancelled before it finished');
    await CancellationScope.nonCancellable(() => finish(process, input, outcome));
    throw error;
  }
  await finish(process, input, outcome);
  return outcome;
}

/** The rendering steps; every way a track cannot be rendered ends as an untranscoded outcome. */
async function render(process: Transcode, input: TranscodeInput): Promise<TranscodeOutcome> {
  const refused = checkDuration(input.durationMs, { ...DEFAULT_TRANSCODE_POLICY, ...input.policy });
  if (refused !== null) return refused;
  const presetVersion = TRANSCODE_PRESET.version;
  const outputPrefix = transcodeOutputPrefix(input.tenantId, input.assetId, presetVersion);

  process.enter('transcoding');
  let audio: Awaited<ReturnType<TranscodeActivities['transcodeAudio']>>;
  try {
    audio = await transcoding.transcodeAudio({
      storageKey: input.storageKey,
      declaredDurationMs: input.durationMs,
      outputPrefix,
      presetVersion,
    });
  } catch (error) {
    const named = namedFailure(error);
    if (named === undefined) throw error;
    return untranscoded('undecodable', named.message);
  }

  let coverKeys: string[] = [];
  if (input.coverStorageKey !== undefined) {
    process.enter('cover_art');
    try {
      coverKeys = await transcoding.renderCoverArt({
        storageKey: input.coverStorageKey,
        outputPrefix: `${outputPrefix}/cover`,
        presetVersion,
      });
    } catch (error) {
      // A track without its renditions' cover is not ready: remove the audio output too.
      await CancellationScope.nonCancellable(() => transcoding.removeTranscodeOutput({ keys: audio.keys }));
      throw error;
    }
  }
  return { status: 'ready', presetVersion, ...audio, coverKeys };
}

/** Records the outcome on the track and in the audit trail, and moves the status to its end. */
async function finish(process: Transcode, input: TranscodeInput, outcome: TranscodeOutcome): Promise<void> {
  const { tenantId, assetId } = input;
  process.enter('recording');
  await records.recordTrackTranscode({ tenantId, assetId, outcome });
  await records.appendAuditEvent({
    tenantId,
    actorType: 'workflow',
    actorId: process.workflowId,
    action: outcome.status === 'ready' ? 'track.transcoded' : 'track.not_transcoded',
    subjectType: 'asset',
    subjectId: assetId,
    data:
      outcome.status === 'ready'
        ? { presetVersion: outcome.presetVersion, durationMs: outcome.durationMs, inputLufs: outcome.inputLufs }
        : { ...outcome },
    idempotencyKey: process.stepKey('audit', 'outcome'),
  });
  process.enter(outcome.status, { outcome });
  process.describe(input.storageKey, outcome.status === 'ready' ? 'ready' : outcome.reason);
  log.info('Transcode finished', { tenantId, assetId, status: outcome.status });
}
