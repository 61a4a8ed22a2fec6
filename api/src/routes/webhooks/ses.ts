import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { MailSuppression } from '@fanfare/db';
import { Type } from 'typebox';
import { ApiError } from '../../errors/api-error.js';
import { suppressionsFromSes } from '../../mail/ses-notification.js';
import { parseSnsMessage, snsUrl, verifySnsMessage } from '../../mail/sns-message.js';
import { errorResponses } from '../../schemas/error.js';

const SesWebhookAck = Type.Object({
  received: Type.Literal(true),
  /** `suppressed` (addresses marked), `subscription_confirmed`, or `ignored` (deliveries, transient bounces). */
  outcome: Type.Enum(['suppressed', 'subscription_confirmed', 'ignored']),
  /** How many addresses this notification suppressed (already suppressed ones included). */
  suppressed: Type.Integer({ minimum: 0 }),
});

/**
 * `POST /v1/webhooks/ses`: Amazon SES bounce and complaint notifications, delivered by an SNS
 * topic subscription. The SNS signature is verified (certificate from an SNS host); a
 * subscription confirmation is confirmed; a permanent bounce or a complaint marks each address
 * suppressed, after which it gets nothing but sign-in codes.
 */
export const sesWebhookRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // SNS posts JSON labelled text/plain; the signature covers the fields, so the text is parsed here.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(['text/plain', 'application/json'], { parseAs: 'string' }, (_request, body, done) =>
    done(null, body),
  );
  const topics = new Set(app.config.mail.sesNotificationTopicArns);

  app.post(
    '/webhooks/ses',
    {
      schema: {
        tags: ['webhooks'],
        summary: 'Amazon SES bounces and complaints, delivered and signed by Amazon SNS',
        response: { 200: SesWebhookAck, ...errorResponses(403, 415, 503) },
      },
    },
    async (request) => {
      if (typeof request.body !== 'string') throw new ApiError(400, 'webhook_payload_invalid', 'Send the SNS message');
      const message = parseSnsMessage(request.body);
      await verifySnsMessage(message, app.snsGateway);
      if (topics.size > 0 && !topics.has(message.TopicArn)) {
        throw new ApiError(403, 'forbidden', `Topic ${message.TopicArn} is not one Fanfare listens to`);
      }
      if (message.Type === 'SubscriptionConfirmation') {
        await app.snsGateway.confirmSubscription(snsUrl(message.SubscribeURL, 'SubscribeURL')).catch(() => {
          throw new ApiError(503, 'service_unavailable', 'The subscription could not be confirmed; SNS will retry');
        });
        return { received: true as const, outcome: 'subscription_confirmed' as const, suppressed: 0 };
      }
      const reports = message.Type === 'Notification' ? suppressionsFromSes(message.Message) : [];
      if (reports.length === 0) return { received: true as const, outcome: 'ignored' as const, suppressed: 0 };
      // The first report wins: a later complaint does not rewrite why an address bounced.
      await request.em
        .createQueryBuilder(MailSuppression)
        .insert(reports.map((r) => ({ ...r, createdAt: new Date() })))
        .onConflict('email')
        .ignore()
        .execute();
      return { received: true as const, outcome: 'suppressed' as const, suppressed: reports.length };
    },
  );
};
