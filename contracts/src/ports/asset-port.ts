/** Why an upload was not accepted; stable words the api and the site can translate. */
export type AssetRejectionReason =
  | 'blob_missing'
  | 'checksum_mismatch'
  | 'empty_file'
  | 'too_large'
  | 'unrecognized_format'
  | 'unsupported_codec'
  | 'wrong_media_class'
  | 'probe_failed';

/** An upload that passed validation, with what the probe established. */
export interface AcceptedAsset {
  status: 'ready';
  /** The type the content actually is, not the one the uploader declared. */
  contentType: string;
  sizeBytes: number;
  sha256: string;
  durationMs: number | null;
}

/** An upload that did not pass, and why. */
export interface RejectedAsset {
  status: 'failed';
  reason: AssetRejectionReason;
  message: string;
}

/** How validating an upload ended. */
export type AssetIngestOutcome = AcceptedAsset | RejectedAsset;

/** Activities over the `Asset` rows, as workflows see them. */
export interface AssetActivities {
  /** Marks the asset as being processed. Leaves a `blocked` asset blocked. */
  markAssetProcessing(input: { tenantId: string; assetId: string }): Promise<void>;
  /**
   * Records the outcome on the asset (`ready` with the probed facts, or `failed`). Leaves a
   * `blocked` asset blocked; throws a non-retryable `AssetNotFound` failure for an unknown asset.
   */
  recordAssetIngestOutcome(input: { tenantId: string; assetId: string; outcome: AssetIngestOutcome }): Promise<void>;
}
