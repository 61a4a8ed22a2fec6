import { createVerify, X509Certificate } from 'node:crypto';
import { ApiError } from '../errors/api-error.js';

/** An Amazon SNS HTTP(S) delivery, as posted to a subscribed endpoint. */
export interface SnsMessage {
  Type: 'Notification' | 'SubscriptionConfirmation' | 'UnsubscribeConfirmation';
  MessageId: string;
  TopicArn: string;
  Message: string;
  Timestamp: string;
  SignatureVersion: '1' | '2';
  Signature: string;
  SigningCertURL: string;
  Subject?: string;
  SubscribeURL?: string;
  Token?: string;
}

/**
 * What the SNS endpoint reaches on AWS: the signing certificate and the subscription
 * confirmation link. The default goes over HTTPS; tests replace it, since AWS is out of reach.
 */
export interface SnsGateway {
  /** The PEM certificate at `url` (already checked to be SNS's own). */
  certificate(url: URL): Promise<string>;
  /** Visits a `SubscribeURL` (already checked to be SNS's own) to confirm the subscription. */
  confirmSubscription(url: URL): Promise<void>;
}

// The fields each message type signs, in the order SNS concatenates them.
const SIGNED_FIELDS: Record<SnsMessage['Type'], readonly (keyof SnsMessage)[]> = {
  Notification: ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type'],
  SubscriptionConfirmation: ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'],
  UnsubscribeConfirmation: ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'],
};

// Only SNS's own hosts may serve certificates and confirmation links: otherwise anyone could
// sign a "bounce" with a certificate of their own and silence an address.
const SNS_HOST = /^sns\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/;

function invalidPayload(message: string): ApiError {
  return new ApiError(400, 'webhook_payload_invalid', message);
}

function invalidSignature(message: string): ApiError {
  return new ApiError(400, 'webhook_signature_invalid', message);
}

/** `url` if it is an HTTPS URL on an SNS host, else a 400. */
export function snsUrl(url: string | undefined, what: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url ?? '');
  } catch {
    throw invalidSignature(`The ${what} is not a URL`);
  }
  if (parsed.protocol !== 'https:' || !SNS_HOST.test(parsed.hostname)) {
    throw invalidSignature(`The ${what} is not on an Amazon SNS host`);
  }
  return parsed;
}

/** Parses the body SNS posted (JSON sent as text/plain), refusing anything but a complete SNS message. */
export function parseSnsMessage(body: string): SnsMessage {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw invalidPayload('The body is not JSON');
  }
  const message = value as Partial<SnsMessage> | null;
  if (typeof message !== 'object' || message === null || !(String(message.Type) in SIGNED_FIELDS)) {
    throw invalidPayload('The body is not an SNS message (Type is missing or unknown)');
  }
  for (const field of ['MessageId', 'TopicArn', 'Message', 'Timestamp', 'Signature', 'SigningCertURL'] as const) {
    if (typeof message[field] !== 'string') throw invalidPayload(`The SNS message lacks ${field}`);
  }
  if (message.SignatureVersion !== '1' && message.SignatureVersion !== '2') {
    throw invalidSignature('Only SNS signature versions 1 and 2 are accepted');
  }
  return message as SnsMessage;
}

/** The string SNS signed: `name\nvalue\n` for each signed field present, in SNS's order. */
export function snsStringToSign(message: SnsMessage): string {
  return SIGNED_FIELDS[message.Type]
    .filter((field) => typeof message[field] === 'string')
    .map((field) => `${field}\n${message[field]}\n`)
    .join('');
}

/**
 * Checks that SNS signed `message`: the certificate comes from an SNS host over HTTPS, is valid
 * now, and its key verifies the signature (SHA1withRSA for version 1, SHA256withRSA for 2).
 */
export async function verifySnsMessage(message: SnsMessage, gateway: SnsGateway, now = new Date()): Promise<void> {
  const certUrl = snsUrl(message.SigningCertURL, 'SigningCertURL');
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(await gateway.certificate(certUrl));
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError(503, 'service_unavailable', 'The SNS signing certificate could not be fetched; SNS will retry');
  }
  if (new Date(certificate.validFrom) > now || new Date(certificate.validTo) < now) {
    throw invalidSignature('The SNS signing certificate is not valid now');
  }
  const verifier = createVerify(message.SignatureVersion === '2' ? 'RSA-SHA256' : 'RSA-SHA1');
  verifier.update(snsStringToSign(message), 'utf8');
  if (!verifier.verify(certificate.publicKey, message.Signature, 'base64')) {
    throw invalidSignature('The SNS signature does not match the message');
  }
}

/** Fetches certificates once per process and confirms subscriptions, over HTTPS. */
export function httpsSnsGateway(): SnsGateway {
  const certificates = new Map<string, Promise<string>>();
  return {
    certificate(url) {
      let pem = certificates.get(url.href);
      if (pem === undefined) {
        pem = fetch(url, { signal: AbortSignal.timeout(5000) }).then(async (response) => {
          if (!response.ok) throw new Error(`SNS answered ${response.status} for its certificate`);
          return response.text();
        });
        // A failed fetch is not remembered, so SNS's retry tries again.
        pem.catch(() => certificates.delete(url.href));
        certificates.set(url.href, pem);
      }
      return pem;
    },
    async confirmSubscription(url) {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (!response.ok) throw new Error(`SNS answered ${response.status} to the subscription confirmation`);
    },
  };
}
