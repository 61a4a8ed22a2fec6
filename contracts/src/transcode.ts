import { defineQuery } from '@temporalio/workflow';
import type { TranscodedAudio } from './ports/transcode-port.js';
import { defineProcess } from './processes.js';

/** Transcoding has a queue of its own, so a worker with spare cores can take it alone. */
export const TRANSCODE_TASK_QUEUE = 'fanfare-transcode';

/** The workflow type name, for clients (and asset ingest) that start it by name. */
export const TRANSCODE_WORKFLOW_TYPE = 'transcodeWorkflow';

/** The transcode process as the registry knows it. */
export const TRANSCODE_PROCESS = defineProcess({
  title: 'Transcode',
  workflowType: TRANSCODE_WORKFLOW_TYPE,
  taskQueue: TRANSCODE_TASK_QUEUE,
  activities: ['transcoding', 'tracks', 'audit'],
});

/** One rung of the HLS ladder. */
export interface TranscodeRendition {
  /** Directory and `var_stream_map` name, e.g. `128k`. */
  name: string;
  kbps: number;
  channels: 1 | 2;
}

/** Everything that decides what a transcode produces; a new version re-transcodes every track. */
export interface TranscodePreset {
  version: number;
  /** Integrated loudness target (ITU-R BS.1770). */
  loudnessLufs: number;
  /** True-peak ceiling in dBTP. */
  truePeakDb: number;
  loudnessRange: number;
  sampleRateHz: number;
  segmentSeconds: number;
  renditions: readonly TranscodeRendition[];
  previewSeconds: number;
  previewKbps: number;
  /** The waveform is drawn from mono PCM at this rate. */
  waveformSampleRate: number;
  /** Waveform resolutions (samples per pixel at `waveformSampleRate`): an overview and a detail. */
  waveformSamplesPerPixel: readonly number[];
  /** Cover art widths in pixels, each as WebP and JPEG. */
  coverWidths: readonly number[];
  /** Where the private full renditions go below the output prefix. */
  fullPrefix: string;
  /** Where the public preview goes below the output prefix. */
  previewPrefix: string;
}

/** The ladder of issue #13: −14 LUFS, AAC 64k mono, 128k and 256k stereo, 6 s segments. */
export const TRANSCODE_PRESET: TranscodePreset = {
  version: 1,
  loudnessLufs: -14,
  truePeakDb: -1,
  loudnessRange: 11,
  sampleRateHz: 44_100,
  segmentSeconds: 6,
  renditions: [
    { name: '64k', kbps: 64, channels: 1 },
    { name: '128k', kbps: 128, channels: 2 },
    { name: '256k', kbps: 256, channels: 2 },
  ],
  previewSeconds: 30,
  previewKbps: 128,
  waveformSampleRate: 8000,
  // 50 and 5 pixels per second.
  waveformSamplesPerPixel: [160, 1600],
  coverWidths: [1200, 512, 128],
  fullPrefix: 'hls',
  previewPrefix: 'preview',
};

/** Business limits, from input so tests and operators can vary them. */
export interface TranscodePolicy {
  /** Longest track accepted (2 hours). */
  maxDurationMs: number;
}

/** The product's limits. */
export const DEFAULT_TRANSCODE_POLICY: TranscodePolicy = { maxDurationMs: 2 * 60 * 60 * 1000 };

/** Transcodes one ingested audio asset. */
export interface TranscodeInput {
  tenantId: string;
  assetId: string;
  storageKey: string;
  /** The duration the probe found at ingest. */
  durationMs: number;
  /** The product's cover image, when it has one. */
  coverStorageKey?: string;
  policy?: Partial<TranscodePolicy>;
}

/** Where a track stands for the creator and the store (draft before any transcode). */
export type TrackStatus = 'draft' | 'processing' | 'ready' | 'failed' | 'blocked';

/** Why a track did not become ready; stable words the api and site can translate. */
export type TranscodeFailureReason = 'too_long' | 'undecodable' | 'cancelled' | 'blocked';

/** A transcode that produced every rendition. */
export interface TranscodedTrack extends TranscodedAudio {
  status: 'ready';
  presetVersion: number;
  /** Cover art keys (WebP and JPEG per width); empty without a cover. */
  coverKeys: string[];
}

/** A transcode that ended without renditions, and why. */
export interface UntranscodedTrack {
  status: 'failed' | 'blocked';
  reason: TranscodeFailureReason;
  message: string;
}

/** How a transcode ended. */
export type TranscodeOutcome = TranscodedTrack | UntranscodedTrack;

/** Where a transcode is. */
export type TranscodeStep = 'starting' | 'transcoding' | 'cover_art' | 'recording' | 'ready' | 'failed' | 'blocked';

/** The answer to the `status` query. */
export interface TranscodeStatus {
  step: TranscodeStep;
  waitingFor: string | null;
  outcome: TranscodeOutcome | null;
}

/** Asks a transcode where it stands. */
export const transcodeStatusQuery = defineQuery<TranscodeStatus, [], 'status'>('status');

/** One transcode per asset: a second start for the same asset finds the running one. */
export function transcodeWorkflowId(tenantId: string, assetId: string): string {
  return `transcode:${tenantId}:${assetId}`;
}

/** The blob prefix of an asset's renditions for one preset version. */
export function transcodeOutputPrefix(tenantId: string, assetId: string, presetVersion: number): string {
  return `tenants/${tenantId}/assets/${assetId}/transcode/v${presetVersion}`;
}
