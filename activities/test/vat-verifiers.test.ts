import { parseVatId } from '@fanfare/domain';
import { ApplicationFailure } from '@temporalio/common';
import { FailureType } from '@fanfare/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVatActivities } from '../src/vat/vat-activities.js';
import { UnverifiedVatIdVerifier } from '../src/vat/unverified-vat-id-verifier.js';
import { ViesVatIdVerifier } from '../src/vat/vies-verifier.js';
import { localServer } from './support/local-http.js';

let vies: Awaited<ReturnType<typeof localServer>>;
const asked: unknown[] = [];

beforeAll(async () => {
  // A fake of VIES's REST API: DE136695976 is registered, FR is down, everything else unknown.
  vies = await localServer((request, body, response) => {
    if (request.method !== 'POST' || request.url !== '/check-vat-number') {
      response.writeHead(404).end();
      return;
    }
    const { countryCode, vatNumber } = JSON.parse(body) as { countryCode: string; vatNumber: string };
    asked.push(JSON.parse(body));
    const json = (payload: unknown) =>
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
    if (countryCode === 'FR') return json({ actionSucceed: false, errorWrappers: [{ error: 'MS_UNAVAILABLE' }] });
    const valid = countryCode === 'DE' && vatNumber === '136695976';
    return json({
      countryCode,
      vatNumber,
      requestDate: '2026-11-22T10:00:00.000Z',
      valid,
      userError: valid ? 'VALID' : 'INVALID',
      name: valid ? 'Example GmbH' : '---',
      address: valid ? 'Hauptstr. 1, 10115 Berlin' : '---',
      requestIdentifier: valid ? 'WAPIAAAAWZ1' : '',
    });
  });
});
afterAll(async () => {
  await vies?.close();
});

describe('ViesVatIdVerifier against a local fake VIES REST server', () => {
  const verifier = () => new ViesVatIdVerifier({ apiBase: vies.url, requester: parseVatId('IE6388047V') });

  it('answers valid with name, address and consultation number, sending the requester', async () => {
    const answer = await verifier().verify(parseVatId('DE 136 695 976'));
    expect(answer).toEqual({
      vatId: 'DE136695976',
      valid: true,
      checkedAt: '2026-11-22T10:00:00.000Z',
      registry: 'vies',
      name: 'Example GmbH',
      address: 'Hauptstr. 1, 10115 Berlin',
      consultationNumber: 'WAPIAAAAWZ1',
    });
    expect(asked.at(-1)).toEqual({
      countryCode: 'DE',
      vatNumber: '136695976',
      requesterMemberStateCode: 'IE',
      requesterNumber: '6388047V',
    });
  });

  it('answers invalid only when VIES says so, and throws (retry) when a member state is down', async () => {
    expect((await verifier().verify(parseVatId('DE129273398'))).valid).toBe(false);
    await expect(verifier().verify(parseVatId('FR40303265045'))).rejects.toThrow(/MS_UNAVAILABLE/);
    await expect(verifier().verify(parseVatId('GB980780684'))).rejects.toThrow(/does not check GB/);
  });

  it('verifyVatId refuses a malformed id non-retryably with malformed_vat_id', async () => {
    const error = await createVatActivities({ vatIdVerifier: verifier() })
      .verifyVatId({ vatId: 'DE12345' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApplicationFailure);
    expect((error as ApplicationFailure).type).toBe(FailureType.invalidInput);
    expect((error as ApplicationFailure).details?.[0]).toMatchObject({ code: 'malformed_vat_id' });
  });
});

describe('UnverifiedVatIdVerifier (development, no network)', () => {
  it('accepts a well-formed id and says no registry was asked', async () => {
    const answer = await createVatActivities({ vatIdVerifier: new UnverifiedVatIdVerifier() }).verifyVatId({
      vatId: 'NL 0044.95.445.B01',
    });
    expect(answer).toMatchObject({ valid: true, registry: 'other', verified: false });
    expect((answer as { note?: string }).note).toMatch(/^Not verified/);
  });
});
