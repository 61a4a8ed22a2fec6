import type { GuestDownloadLink, RevokedLetterReason } from '@fanfare/contracts';
import type { Money, STOREFRONT_LOCALES } from '@fanfare/domain';

/** A locale letters are written in: the storefront's four. */
export type MailLocale = (typeof STOREFRONT_LOCALES)[number];

/** One priced line of a receipt. */
interface ReceiptLine {
  title: string;
  quantity: number;
  total: Money;
}

/**
 * Every transactional letter and the facts it prints, keyed by `kind`. The words come from the
 * locale's wording, the layout from the kind's templates (`templates/<kind>.*`).
 */
export type Letter =
  | { kind: 'sign-in-code'; code: string; expiresInMinutes: number }
  | {
      kind: 'receipt';
      storeName: string;
      invoiceNumber: string;
      lines: ReceiptLine[];
      total: Money;
      libraryUrl: string;
    }
  | { kind: 'guest-downloads'; storeName: string; links: GuestDownloadLink[]; libraryUrl: string }
  | { kind: 'refund'; storeName: string; invoiceNumber: string; creditNoteNumber: string; amount: Money }
  | { kind: 'entitlement-revoked'; storeName: string; productTitle: string; reason: RevokedLetterReason };

/** The kinds of letter. */
export type LetterKind = Letter['kind'];

/** Letters that still go to a suppressed (bounced or complaining) address: without them no one could sign in. */
export const SENT_EVEN_WHEN_SUPPRESSED: ReadonlySet<LetterKind> = new Set(['sign-in-code']);
