export {
  createActivities,
  createActivityGroups,
  type ActivityDeps,
  type FanfareActivities,
} from './create-activities.js';
export { createStorageActivities, type StorageActivityDeps } from './storage/storage-activities.js';
export { createMediaActivities, type MediaActivityDeps } from './media/media-activities.js';
export { checkFfprobe, FfprobeUnavailableError } from './media/ffprobe.js';
export { createAssetActivities, type DbActivityDeps } from './db/asset-activities.js';
export { createAuditActivities } from './db/audit-activities.js';
export { uuidFromKey } from './db/deterministic-uuid.js';
export { createEntitlementActivities, entitlementIdFor } from './db/entitlement-activities.js';
export { createOrderActivities } from './db/order-activities.js';
export { priceCheckout } from './db/pricing.js';
export { createPaymentActivities, type PaymentActivityDeps } from './stripe/payment-activities.js';
export { StripePaymentGateway, type PaymentGateway } from './stripe/payment-gateway.js';
export { createStripeClient, type StripeClientOptions } from './stripe/stripe-client.js';
export { createDiscountActivities } from './db/discount-activities.js';
export { createCapacityActivities } from './db/capacity-activities.js';
export { createInvoiceActivities, type InvoiceActivityDeps } from './db/invoice-activities.js';
export { createFxActivities, type FxActivityDeps } from './fx/fx-activities.js';
export { createVatActivities, type VatActivityDeps } from './vat/vat-activities.js';
export {
  ViesVatIdVerifier,
  VatRegistryUnavailableError,
  VIES_REST_API_BASE,
  type ViesVerifierOptions,
} from './vat/vies-verifier.js';
export { UnverifiedVatIdVerifier, type UnverifiedVatIdVerification } from './vat/unverified-vat-id-verifier.js';
export type { Mailer, MailAttachment, OutgoingMail, SentMail } from './mail/mailer.js';
export { SmtpMailer } from './mail/smtp-mailer.js';
export { SesMailer, type SesMailerOptions } from './mail/ses-mailer.js';
export { createMailer } from './mail/create-mailer.js';
export { createMailActivities, messageIdFor, type MailActivityDeps } from './mail/mail-activities.js';
export type { Letter, LetterKind, MailLocale } from './mail/letters.js';
export { renderLetter, type RenderedLetter } from './mail/render-letter.js';
export { createTranscodeActivities, type TranscodeActivityDeps } from './media/transcode-activities.js';
export { createFfmpegTranscoder } from './media/ffmpeg-transcoder.js';
export type { Transcoder, TranscodeJob, TranscodeMeasurements } from './media/transcoder.js';
export type { WaveformPeaks } from './media/waveform.js';
export { createTrackActivities } from './db/track-activities.js';
