import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type { Mailer, OutgoingMail, SentMail } from './mailer.js';
import { mimeMessage } from './mime-message.js';

/** Where the SES adapter sends. */
export interface SesMailerOptions {
  region: string;
  /** A different API endpoint (a VPC endpoint); undefined: SES's regional one. */
  endpoint?: string | undefined;
  /** The SES configuration set whose event destination reports bounces and complaints. */
  configurationSet?: string | undefined;
  /** An existing client (tests mock this one at the SDK boundary). */
  client?: SESv2Client;
}

/**
 * The Mailer over Amazon SES's v2 API. The letter is composed as raw MIME (nodemailer's
 * composer, the same bytes SMTP would carry) because SES's simple content has no attachments.
 */
export class SesMailer implements Mailer {
  private readonly client: SESv2Client;

  constructor(private readonly options: SesMailerOptions) {
    this.client =
      options.client ??
      new SESv2Client({ region: options.region, ...(options.endpoint ? { endpoint: options.endpoint } : {}) });
  }

  async send(mail: OutgoingMail): Promise<SentMail> {
    const raw = await new MailComposer(mimeMessage(mail)).compile().build();
    const result = await this.client.send(
      new SendEmailCommand({
        FromEmailAddress: mail.from,
        Destination: { ToAddresses: [mail.to] },
        Content: { Raw: { Data: raw } },
        ...(this.options.configurationSet ? { ConfigurationSetName: this.options.configurationSet } : {}),
      }),
    );
    if (result.MessageId === undefined) throw new Error('SES accepted the letter without a message id');
    return { providerMessageId: result.MessageId };
  }

  async close(): Promise<void> {
    this.client.destroy();
  }
}
