import type Mail from 'nodemailer/lib/mailer/index.js';
import type { OutgoingMail } from './mailer.js';

/** `mail` as nodemailer's message options: the one MIME shape both adapters send. */
export function mimeMessage(mail: OutgoingMail): Mail.Options {
  return {
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    html: mail.html,
    text: mail.text,
    messageId: mail.messageId,
    attachments: mail.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: Buffer.from(a.content),
    })),
  };
}
