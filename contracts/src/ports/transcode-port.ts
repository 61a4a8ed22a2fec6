import type { TrackStatus, TranscodeOutcome } from '../transcode.js';

/** One rendition as the master playlist lists it. */
export interface RenditionEntry {
  name: string;
  /** Peak bits per second, as `BANDWIDTH` says. */
  bandwidth: number;
  /** RFC 6381 codecs, as `CODECS` says (`mp4a.40.2`). */
  codecs: string;
  playlistKey: string;
}

/** What transcoding one original stored. */
export interface TranscodedAudio {
  durationMs: number;
  /** Loudness of the original before normalisation. */
  inputLufs: number;
  inputTruePeakDb: number;
  /** Private: the master playlist of the full renditions. */
  masterPlaylistKey: string;
  renditions: RenditionEntry[];
  /** Public: the 30-second preview's playlist. */
  previewPlaylistKey: string;
  /** peaks.js JSON, overview first, then detail. */
  waveformKeys: string[];
  /** Every key written, so a compensation can remove them all. */
  keys: string[];
}

/** Transcodes one original. */
export interface TranscodeAudioInput {
  storageKey: string;
  declaredDurationMs: number;
  outputPrefix: string;
  presetVersion: number;
}

/** Activities that render media, as the transcode workflow sees them. */
export interface TranscodeActivities {
  /**
   * Normalises and renders the ladder, preview and waveform below `outputPrefix`. Heartbeats its
   * progress; on cancellation or failure it stops ffmpeg and removes what it wrote. Throws a
   * non-retryable `UndecodableMedia` failure (with ffmpeg's reason) for input it cannot decode.
   */
  transcodeAudio(input: TranscodeAudioInput): Promise<TranscodedAudio>;
  /** Renders cover art at the preset's widths as WebP and JPEG; returns the keys written. */
  renderCoverArt(input: { storageKey: string; outputPrefix: string; presetVersion: number }): Promise<string[]>;
  /** Removes blobs a transcode wrote (its compensation); absent keys are fine. */
  removeTranscodeOutput(input: { keys: string[] }): Promise<void>;
}

/** Activities over a track's transcode status. */
export interface TrackActivities {
  /** Moves the track to `processing`; returns its status, so a `blocked` track is not transcoded. */
  markTrackProcessing(input: { tenantId: string; assetId: string }): Promise<TrackStatus>;
  /** Records how the transcode ended; leaves a `blocked` track blocked. */
  recordTrackTranscode(input: { tenantId: string; assetId: string; outcome: TranscodeOutcome }): Promise<void>;
}
