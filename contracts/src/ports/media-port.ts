/** An audio file as ffprobe reads it (its first audio stream). */
export interface AudioProbe {
  type: 'audio';
  /** ffprobe's `format_name`, e.g. `flac`, `wav`, `mp3`, `aac`, `mov,mp4,m4a,3gp,3g2,mj2`. */
  container: string;
  /** ffprobe's `codec_name`, e.g. `flac`, `pcm_s16le`, `mp3`, `aac`. */
  codec: string;
  durationMs: number;
  channels: number;
  sampleRateHz: number;
  /** Bits per second, when the container states it. */
  bitRate: number | null;
}

/** A document recognised by its magic bytes. */
export interface DocumentProbe {
  type: 'document';
  format: 'pdf' | 'epub';
}

/** Content neither ffprobe nor the magic-byte check could identify. */
export interface UnrecognizedProbe {
  type: 'unrecognized';
  /** What the probe said, for the creator and the audit trail. */
  detail: string;
}

/** What probing the content (never the file name) found. */
export type MediaProbe = AudioProbe | DocumentProbe | UnrecognizedProbe;

/** Activities that inspect media, as workflows see them. */
export interface MediaActivities {
  /**
   * Identifies a stored blob by its content. Throws a non-retryable `BlobNotFound` failure when
   * the blob is gone; unreadable content is a result (`unrecognized`), not an error.
   */
  probeMedia(input: { storageKey: string }): Promise<MediaProbe>;
}
