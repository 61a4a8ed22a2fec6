import type { TranscodePreset } from '@fanfare/contracts';

/** One audio file to turn into the preset's HLS ladder, preview and waveform in a local directory. */
export interface TranscodeJob {
  /** The original, as a local file. */
  inputFile: string;
  /** An empty directory the transcoder owns; everything it writes goes below it. */
  outputDir: string;
  preset: TranscodePreset;
  /** What the probe said; the decoded audio must cover it, or the file is corrupt. */
  declaredSeconds: number;
  /** Called with 0…1 as the work advances. */
  onProgress?(fraction: number): void;
  /** Stops the work; the transcoder stops its processes before it rejects. */
  signal?: AbortSignal;
}

/** What a finished transcode measured; the files are below `outputDir` in the preset's layout. */
export interface TranscodeMeasurements {
  /** Integrated loudness of the original (LUFS), before normalisation. */
  inputLufs: number;
  /** True peak of the original (dBTP). */
  inputTruePeakDb: number;
  /** Mono 16-bit PCM at `preset.waveformSampleRate` of the normalised audio, for the waveform. */
  waveformPcmFile: string;
}

/**
 * A backend that renders the ladder (decision: local ffmpeg by default). Throws
 * `UndecodableInputError` for input it cannot decode and `FfmpegCancelledError` once cancelled.
 */
export interface Transcoder {
  readonly name: string;
  transcode(job: TranscodeJob): Promise<TranscodeMeasurements>;
}
