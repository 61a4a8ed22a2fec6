/**
 * `ApplicationFailure` types that activities throw as non-retryable and workflows list in
 * their retry policies and recognise when they catch. One module so both sides spell them alike.
 */
export const FailureType = {
  /** The row a workflow was started for does not exist for that tenant: retrying cannot help. */
  assetNotFound: 'AssetNotFound',
  /** The blob disappeared (deleted, or never uploaded). */
  blobNotFound: 'BlobNotFound',
  /** The input can never be processed (a malformed id): the same call would fail forever. */
  invalidInput: 'InvalidInput',
  /** A discount code that does not exist or no longer applies. */
  discountCodeInvalid: 'DiscountCodeInvalid',
  /** A token pack whose creator has no capacity left for the units asked for. */
  capacityExhausted: 'CapacityExhausted',
  /** The order a checkout step was called for does not exist. */
  orderNotFound: 'OrderNotFound',
  /** A status change the order lifecycle does not allow (`paid` back to `pending`). */
  orderTransitionRefused: 'OrderTransitionRefused',
  /** A refund the order cannot take (not paid, more than is left). */
  refundRefused: 'RefundRefused',
  /** ffmpeg cannot decode the media (corrupt, truncated, not audio): retrying cannot help. */
  undecodableMedia: 'UndecodableMedia',
} as const;

/** One of the named failure types. */
export type FailureType = (typeof FailureType)[keyof typeof FailureType];
