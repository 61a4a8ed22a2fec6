import type { MailTransportConfig } from '@fanfare/config';
import type { Mailer } from './mailer.js';
import { SesMailer } from './ses-mailer.js';
import { SmtpMailer } from './smtp-mailer.js';

/** The Mailer adapter that `MAIL_BACKEND` names. */
export function createMailer(transport: MailTransportConfig): Mailer {
  return transport.backend === 'smtp'
    ? new SmtpMailer(transport.url)
    : new SesMailer({
        region: transport.region,
        endpoint: transport.endpoint,
        configurationSet: transport.configurationSet,
      });
}
