export type { BlobFacts, StorageActivities } from './storage-port.js';
export type { AudioProbe, DocumentProbe, UnrecognizedProbe, MediaProbe, MediaActivities } from './media-port.js';
export type {
  AssetRejectionReason,
  AcceptedAsset,
  RejectedAsset,
  AssetIngestOutcome,
  AssetActivities,
} from './asset-port.js';
export type { AuditEntry, AuditActivities } from './audit-port.js';
export type {
  GrantedEntitlement,
  GrantOrderEntitlementsInput,
  EndEntitlementsInput,
  EntitlementActivities,
} from './entitlement-port.js';
export type {
  CheckoutQuoteLine,
  CheckoutQuote,
  CheckoutItem,
  PriceCheckoutInput,
  CreateOrderInput,
  MarkOrderPaidInput,
  OrderActivities,
  CreatedPaymentIntent,
  PaymentActivities,
} from './checkout-port.js';
export type {
  DiscountRedemptionKey,
  ReserveDiscountInput,
  DiscountRedemptionResult,
  DiscountActivities,
  FxRefreshResult,
  FxActivities,
  VatActivities,
  IssueInvoiceInput,
  IssueCreditNoteInput,
  IssuedInvoice,
  InvoiceActivities,
} from './money-port.js';
export type {
  TokenCapacityLine,
  TokenCapacityKey,
  ReserveTokenCapacityInput,
  TokenCapacityReservation,
  CapacityActivities,
} from './capacity-port.js';
export type {
  GuestDownloadLink,
  RevokedLetterReason,
  LetterRequest,
  SendMailInput,
  SendMailResult,
  MailActivities,
} from './mail-port.js';
export type {
  RenditionEntry,
  TranscodedAudio,
  TranscodeAudioInput,
  TranscodeActivities,
  TrackActivities,
} from './transcode-port.js';
