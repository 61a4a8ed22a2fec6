/** An address to stop writing to, and why. */
export interface SuppressionReport {
  email: string;
  reason: 'bounce' | 'complaint';
  detail: string | null;
  sourceId: string | null;
}

interface SesRecipient {
  emailAddress?: unknown;
}

interface SesNotification {
  notificationType?: unknown;
  eventType?: unknown;
  bounce?: { bounceType?: unknown; bounceSubType?: unknown; feedbackId?: unknown; bouncedRecipients?: SesRecipient[] };
  complaint?: { complaintFeedbackType?: unknown; feedbackId?: unknown; complainedRecipients?: SesRecipient[] };
}

function addresses(recipients: SesRecipient[] | undefined): string[] {
  return (recipients ?? [])
    .map((r) => (typeof r.emailAddress === 'string' ? r.emailAddress.trim().toLowerCase() : ''))
    .filter((email) => email.includes('@'));
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * The addresses an SES notification (identity notification or configuration-set event, both
 * carried in an SNS `Message`) says to suppress: every recipient of a permanent bounce and every
 * complainant. Transient bounces (a full mailbox) and deliveries suppress nobody.
 */
export function suppressionsFromSes(message: string): SuppressionReport[] {
  let notification: SesNotification;
  try {
    notification = JSON.parse(message) as SesNotification;
  } catch {
    return [];
  }
  const type = notification.notificationType ?? notification.eventType;
  if (type === 'Bounce' && notification.bounce?.bounceType === 'Permanent') {
    const detail = `Permanent/${text(notification.bounce.bounceSubType) ?? 'General'}`;
    return addresses(notification.bounce.bouncedRecipients).map((email) => ({
      email,
      reason: 'bounce',
      detail,
      sourceId: text(notification.bounce?.feedbackId),
    }));
  }
  if (type === 'Complaint') {
    return addresses(notification.complaint?.complainedRecipients).map((email) => ({
      email,
      reason: 'complaint',
      detail: text(notification.complaint?.complaintFeedbackType),
      sourceId: text(notification.complaint?.feedbackId),
    }));
  }
  return [];
}
