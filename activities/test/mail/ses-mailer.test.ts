import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { SesMailer } from '../../src/mail/ses-mailer.js';

const ses = mockClient(SESv2Client);
afterEach(() => ses.reset());

describe('SesMailer (AWS SDK mocked at the SESv2 client with aws-sdk-client-mock)', () => {
  it('sends the letter as raw MIME with its attachment, through the configuration set, and returns SES’s id', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: '0102018f-ses-id' });
    const mailer = new SesMailer({
      region: 'eu-west-1',
      configurationSet: 'fanfare-transactional',
      client: new SESv2Client({ region: 'eu-west-1' }),
    });
    const sent = await mailer.send({
      from: 'Fanfare <no-reply@fanfare.shop>',
      to: 'jana@example.com',
      subject: 'Ihre Quittung',
      html: '<p>Hallo</p>',
      text: 'Hallo',
      attachments: [
        { filename: 'FAN-2026-000001.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.7 test') },
      ],
      messageId: '<abc@fanfare.shop>',
    });
    expect(sent).toEqual({ providerMessageId: '0102018f-ses-id' });
    const calls = ses.commandCalls(SendEmailCommand);
    expect(calls).toHaveLength(1);
    const input = calls[0]!.args[0].input;
    expect(input).toMatchObject({
      FromEmailAddress: 'Fanfare <no-reply@fanfare.shop>',
      Destination: { ToAddresses: ['jana@example.com'] },
      ConfigurationSetName: 'fanfare-transactional',
    });
    const raw = Buffer.from(input.Content!.Raw!.Data!).toString('utf8');
    expect(raw).toContain('Message-ID: <abc@fanfare.shop>');
    expect(raw).toContain('Subject: Ihre Quittung');
    expect(raw).toMatch(/Content-Type: multipart\/mixed/);
    expect(raw).toContain('filename=FAN-2026-000001.pdf');
    expect(raw).toContain(Buffer.from('%PDF-1.7 test').toString('base64'));
    await mailer.close();
  });

  it('fails when SES refuses the letter, so the activity retries', async () => {
    ses.on(SendEmailCommand).rejects(new Error('MessageRejected: Email address is not verified'));
    const mailer = new SesMailer({ region: 'eu-west-1', client: new SESv2Client({ region: 'eu-west-1' }) });
    await expect(
      mailer.send({
        from: 'a@b.co',
        to: 'c@d.co',
        subject: 's',
        html: 'h',
        text: 't',
        attachments: [],
        messageId: '<x@b.co>',
      }),
    ).rejects.toThrow(/MessageRejected/);
  });
});
