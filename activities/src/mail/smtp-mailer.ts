import nodemailer, { type Transporter } from 'nodemailer';
import type { Mailer, OutgoingMail, SentMail } from './mailer.js';

/**
 * The Mailer over SMTP with nodemailer: Mailpit locally and in tests, any relay in production
 * (`smtp://user:pass@host:587`, `smtps://…` for implicit TLS). Connections are pooled.
 */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(url: string) {
    const parsed = new URL(url);
    this.transport = nodemailer.createTransport({
      host: parsed.hostname,
      port: Number(parsed.port || (parsed.protocol === 'smtps:' ? 465 : 25)),
      secure: parsed.protocol === 'smtps:',
      pool: true,
      ...(parsed.username === ''
        ? {}
        : { auth: { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } }),
    });
  }

  async send(mail: OutgoingMail): Promise<SentMail> {
    const info = await this.transport.sendMail({
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
    });
    return { providerMessageId: String(info.response ?? info.messageId) };
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}
