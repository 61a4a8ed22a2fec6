/** The transactional-mail port: what a workflow may ask to be sent, and what became of it. */
import type { RevocationReason } from '../entitlement.js';

/** A download link handed to a guest. */
export interface GuestDownloadLink {
  title: string;
  url: string;
  /** ISO 8601 instant after which the link no longer works. */
  expiresAt: string;
}

/** Why a revocation letter says someone lost access: an entitlement's own reason, or another one. */
export type RevokedLetterReason = RevocationReason | 'other';

/**
 * What a workflow asks to be sent. Letters about an invoice name it, and the activity reads the
 * figures and renders the PDF itself, so history carries ids rather than documents.
 */
export type LetterRequest =
  | { kind: 'sign-in-code'; code: string; expiresInMinutes: number }
  | { kind: 'receipt'; invoiceId: string }
  | { kind: 'guest-downloads'; links: GuestDownloadLink[] }
  | { kind: 'refund'; creditNoteId: string }
  | { kind: 'entitlement-revoked'; productTitle: string; reason: RevokedLetterReason };

/** Input of `sendMail`. */
export interface SendMailInput {
  /** From the workflow id and step: the same key never sends twice. */
  idempotencyKey: string;
  to: string;
  /** BCP 47; a locale the storefront does not speak falls back to the tenant's, then en-US. */
  locale?: string;
  /** The storefront the letter is about; required for every letter but the sign-in code. */
  tenantId?: string;
  letter: LetterRequest;
}

/** What became of a `sendMail`. */
export interface SendMailResult {
  /** `suppressed`: the address bounced or complained, and the letter is not a sign-in code. */
  status: 'sent' | 'suppressed';
  /** True when an earlier attempt with the same key already did this (nothing was sent now). */
  replayed: boolean;
  messageId: string;
}

/** The mail activities a workflow calls. */
export interface MailActivities {
  sendMail(input: SendMailInput): Promise<SendMailResult>;
}
