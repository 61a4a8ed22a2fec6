import type { EnvReader } from './readers.js';

/** How mail leaves: an SMTP server (Mailpit locally, any relay) or Amazon SES's API. */
export type MailTransportConfig =
  | { backend: 'smtp'; url: string }
  | { backend: 'ses'; region: string; endpoint: string | undefined; configurationSet: string | undefined };

/** Transactional mail: transport, sender, the links letters carry, bounce handling, the local inbox. */
export interface MailConfig {
  transport: MailTransportConfig;
  /** The `From` of every letter, `Name <address>` or a bare address. */
  from: string;
  /** A storefront's base URL with `{handle}` standing for the tenant's handle (library links). */
  storefrontUrlTemplate: string;
  /** SNS topics whose SES bounce and complaint notifications are believed; empty: any signed topic. */
  sesNotificationTopicArns: string[];
  /** Mailpit's web UI and REST API, which `npm start` runs for the local SMTP server. */
  mailpitUiUrl: string;
}

/** The SMTP server `npm start` runs (Mailpit) and development sends to. */
export const DEFAULT_SMTP_URL = 'smtp://127.0.0.1:1025';

/**
 * Reads `MAIL_BACKEND` (`smtp` locally, `ses` by default in production), `SMTP_URL`,
 * `SES_REGION`, `SES_ENDPOINT`, `SES_CONFIGURATION_SET`, `MAIL_FROM`, `STOREFRONT_URL_TEMPLATE`,
 * `SES_NOTIFICATION_TOPIC_ARNS` and `MAILPIT_UI_URL`.
 */
export function readMailConfig(
  read: EnvReader,
  options: { production: boolean; platformDomain: string; sitePort: number },
): MailConfig {
  const backend = read.oneOf('MAIL_BACKEND', ['smtp', 'ses'], options.production ? 'ses' : 'smtp');
  const transport: MailTransportConfig =
    backend === 'smtp'
      ? { backend, url: read.url('SMTP_URL', ['smtp', 'smtps'], options.production ? undefined : DEFAULT_SMTP_URL) }
      : {
          backend,
          region: read.string('SES_REGION', 'us-east-1'),
          endpoint:
            read.optional('SES_ENDPOINT') === undefined ? undefined : read.url('SES_ENDPOINT', ['http', 'https']),
          configurationSet: read.optional('SES_CONFIGURATION_SET'),
        };
  const from = read.string('MAIL_FROM', `Fanfare <no-reply@${options.platformDomain}>`);
  read.require(
    /^[^<>@\s]+@[^<>@\s]+$|<[^<>@\s]+@[^<>@\s]+>$/.test(from),
    'MAIL_FROM',
    `must hold an address (got "${from}")`,
  );
  const storefrontUrlTemplate = read.string(
    'STOREFRONT_URL_TEMPLATE',
    options.production ? `https://{handle}.${options.platformDomain}` : `http://{handle}.localhost:${options.sitePort}`,
  );
  read.require(
    storefrontUrlTemplate.includes('{handle}') && /^https?:\/\//.test(storefrontUrlTemplate),
    'STOREFRONT_URL_TEMPLATE',
    `must be an http(s) URL containing {handle} (got "${storefrontUrlTemplate}")`,
  );
  return {
    transport,
    from,
    storefrontUrlTemplate,
    sesNotificationTopicArns: read.list('SES_NOTIFICATION_TOPIC_ARNS', []),
    mailpitUiUrl: read.url('MAILPIT_UI_URL', ['http'], 'http://127.0.0.1:8025'),
  };
}
