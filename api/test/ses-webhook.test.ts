import { execFileSync } from 'node:child_process';
import { createSign, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { forPlatform, MailSuppression } from '@fanfare/db';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { type SnsGateway, type SnsMessage, snsStringToSign } from '../src/mail/sns-message.js';
import { expectError } from './support/responses.js';
import { testConfig } from './support/test-app.js';

const TOPIC = 'arn:aws:sns:eu-west-1:123456789012:fanfare-ses-feedback';
const CERT_URL = 'https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-test.pem';

// A signing key and self-signed certificate made for this run: SNS's own key is, rightly, out of reach.
const dir = mkdtempSync(path.join(tmpdir(), 'fanfare-sns-'));
execFileSync(
  'openssl',
  [
    ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=sns.amazonaws.com'],
    ...['-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')],
  ],
  { stdio: 'ignore' },
);
const privateKey = readFileSync(path.join(dir, 'key.pem'), 'utf8');
const certificate = readFileSync(path.join(dir, 'cert.pem'), 'utf8');

/** SNS on AWS as the endpoint sees it: serves our certificate, records what was asked of it. */
const snsOnAws = { certificatesFetched: [] as string[], confirmed: [] as string[] };
const gateway: SnsGateway = {
  async certificate(url) {
    snsOnAws.certificatesFetched.push(url.href);
    return certificate;
  },
  async confirmSubscription(url) {
    snsOnAws.confirmed.push(url.href);
  },
};

let app: FastifyInstance;
let strictApp: FastifyInstance;

beforeAll(async () => {
  app = await buildApp({ config: testConfig(), snsGateway: gateway });
  strictApp = await buildApp({ config: testConfig({ SES_NOTIFICATION_TOPIC_ARNS: TOPIC }), snsGateway: gateway });
});
afterAll(async () => {
  await app?.close();
  await strictApp?.close();
});

/** An SNS delivery signed the way SNS signs (version 2: SHA256withRSA, or 1: SHA1withRSA). */
function signed(
  fields: Partial<SnsMessage> & Pick<SnsMessage, 'Type' | 'Message'>,
  version: '1' | '2' = '2',
): SnsMessage {
  const message = {
    MessageId: randomUUID(),
    TopicArn: TOPIC,
    Timestamp: new Date().toISOString(),
    SignatureVersion: version,
    SigningCertURL: CERT_URL,
    Signature: '',
    ...fields,
  } as SnsMessage;
  const signer = createSign(version === '2' ? 'RSA-SHA256' : 'RSA-SHA1');
  signer.update(snsStringToSign(message));
  return { ...message, Signature: signer.sign(privateKey, 'base64') };
}

const bounce = (emails: string[], bounceType = 'Permanent') =>
  JSON.stringify({
    notificationType: 'Bounce',
    bounce: {
      bounceType,
      bounceSubType: 'General',
      feedbackId: `feedback-${randomUUID()}`,
      bouncedRecipients: emails.map((emailAddress) => ({ emailAddress })),
    },
    mail: { messageId: 'ses-1', destination: emails },
  });

// SNS labels its JSON text/plain.
const post = (message: unknown, target = app) =>
  target.inject({
    method: 'POST',
    url: '/v1/webhooks/ses',
    headers: { 'content-type': 'text/plain; charset=UTF-8', 'x-amz-sns-message-type': 'Notification' },
    payload: typeof message === 'string' ? message : JSON.stringify(message),
  });

const suppression = (email: string) => forPlatform(app.orm.em).findOne(MailSuppression, { email });
const someone = () => `reader-${randomUUID().slice(0, 8)}@Example.com`;

describe('POST /v1/webhooks/ses (SES via SNS; AWS replaced at the certificate fetch)', () => {
  it('marks every recipient of a permanent bounce suppressed, lower-cased, once', async () => {
    const [a, b] = [someone(), someone()];
    const response = await post(signed({ Type: 'Notification', Message: bounce([a, b]) }));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ received: true, outcome: 'suppressed', suppressed: 2 });
    expect(await suppression(a.toLowerCase())).toMatchObject({ reason: 'bounce', detail: 'Permanent/General' });
    expect(await suppression(b.toLowerCase())).not.toBeNull();
    expect(snsOnAws.certificatesFetched).toContain(CERT_URL);
    // SNS delivers at least once: the same notification again changes nothing.
    expect((await post(signed({ Type: 'Notification', Message: bounce([a]) }))).statusCode).toBe(200);
  });

  it('suppresses complainants (signature version 1) and ignores transient bounces', async () => {
    const [complainer, full] = [someone(), someone()];
    const complaint = JSON.stringify({
      notificationType: 'Complaint',
      complaint: { complaintFeedbackType: 'abuse', complainedRecipients: [{ emailAddress: complainer }] },
    });
    expect((await post(signed({ Type: 'Notification', Message: complaint }, '1'))).json()).toMatchObject({
      outcome: 'suppressed',
    });
    expect(await suppression(complainer.toLowerCase())).toMatchObject({ reason: 'complaint', detail: 'abuse' });
    const transient = await post(signed({ Type: 'Notification', Message: bounce([full], 'Transient') }));
    expect(transient.json()).toEqual({ received: true, outcome: 'ignored', suppressed: 0 });
    expect(await suppression(full.toLowerCase())).toBeNull();
  });

  it('confirms a subscription by visiting its SNS SubscribeURL', async () => {
    const url = `https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=${TOPIC}&Token=t1`;
    const response = await post(
      signed({
        Type: 'SubscriptionConfirmation',
        Message: 'You have chosen to subscribe…',
        SubscribeURL: url,
        Token: 't1',
      }),
    );
    expect(response.json()).toEqual({ received: true, outcome: 'subscription_confirmed', suppressed: 0 });
    expect(snsOnAws.confirmed).toEqual([url]);
  });

  it('refuses a tampered message, a certificate off SNS’s hosts, a body that is not SNS, and an unknown topic', async () => {
    const victim = someone();
    const genuine = signed({ Type: 'Notification', Message: bounce([someone()]) });
    expectError(await post({ ...genuine, Message: bounce([victim]) }), 400, 'webhook_signature_invalid');
    expect(await suppression(victim.toLowerCase())).toBeNull();

    const fetched = snsOnAws.certificatesFetched.length;
    const forged = signed({
      Type: 'Notification',
      Message: bounce([victim]),
      SigningCertURL: 'https://evil.example/cert.pem',
    });
    expectError(await post(forged), 400, 'webhook_signature_invalid');
    expect(snsOnAws.certificatesFetched).toHaveLength(fetched);

    expectError(await post('not json'), 400, 'webhook_payload_invalid');
    expectError(await post({ Type: 'Notification', Message: '{}' }), 400, 'webhook_payload_invalid');

    const otherTopic = signed({ Type: 'Notification', Message: bounce([victim]), TopicArn: `${TOPIC}-other` });
    expectError(await post(otherTopic, strictApp), 403, 'forbidden');
    expect(await suppression(victim.toLowerCase())).toBeNull();
  });
});
