/**
 * The Mailer port: how a letter leaves Fanfare. One adapter per backend (SMTP, Amazon SES);
 * activities depend on this interface only. Later letters (payouts, domains, DMCA,
 * subscriptions) go through the same port.
 */

/** A file sent with a letter (an invoice PDF). */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Uint8Array;
}

/** A rendered letter, ready to send. */
export interface OutgoingMail {
  /** `Name <address>` or a bare address. */
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  attachments: MailAttachment[];
  /**
   * The RFC 5322 `Message-ID`, derived from the send's idempotency key: should a retry ever
   * send again (a crash between the server's acceptance and our record), the copies share it and
   * mail clients show one letter.
   */
  messageId: string;
}

/** What the backend said when it took the letter. */
export interface SentMail {
  /** The backend's own id for the letter (SES message id, the SMTP server's queue answer). */
  providerMessageId: string;
}

/** Sends rendered letters; an error means the backend did not take the letter. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<SentMail>;
  /** Releases connections; the mailer is not used afterwards. */
  close(): Promise<void>;
}
