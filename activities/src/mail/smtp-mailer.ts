import nodemailer, { type Transporter } from 'nodemailer';
import type { Mailer, OutgoingMail, SentMail } from './mailer.js';
import { mimeMessage } from './mime-message.js';

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
    const info = await this.transport.sendMail(mimeMessage(mail));
    return { providerMessageId: String(info.response ?? info.messageId) };
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}
