import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { Asset, AuditEvent, createOrm, forTenant, type MikroORM } from '@fanfare/db';
import { FailureType } from '@fanfare/contracts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../../scripts/test-support/provided.js';
import { createAssetActivities, createAuditActivities, uuidFromKey } from '../src/index.js';

let orm: MikroORM;

beforeAll(async () => {
  orm = await createOrm(inject('databaseUrl'));
});
afterAll(async () => {
  await orm?.close(true);
});

/** A freshly uploaded asset of a tenant of its own. */
async function uploadedAsset(status: Asset['status'] = 'uploaded'): Promise<{ tenantId: string; assetId: string }> {
  const tenantId = randomUUID();
  const em = forTenant(orm.em, tenantId);
  const asset = em.create(Asset, {
    kind: 'original',
    storageKey: `tenants/${tenantId}/assets/x/original.flac`,
    filename: 'take 3 (final).flac',
    contentType: 'audio/x-flac',
    sizeBytes: 0,
    sha256: '0'.repeat(64),
    status,
  });
  await em.flush();
  return { tenantId, assetId: asset.id };
}

async function reload(tenantId: string, assetId: string): Promise<Asset> {
  return forTenant(orm.em, tenantId).findOneOrFail(Asset, { id: assetId });
}

async function failureOf(promise: Promise<unknown>): Promise<ApplicationFailure> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApplicationFailure);
  return error as ApplicationFailure;
}

describe('asset activities (real PostgreSQL)', () => {
  const activities = () => createAssetActivities({ em: orm.em });

  it('marks an uploaded asset processing, then records it ready with the probed facts', async () => {
    const { tenantId, assetId } = await uploadedAsset();
    await activities().markAssetProcessing({ tenantId, assetId });
    expect((await reload(tenantId, assetId)).status).toBe('processing');
    const outcome = {
      status: 'ready',
      contentType: 'audio/flac',
      sizeBytes: 3_000_000_123,
      sha256: 'ab'.repeat(32),
      durationMs: 183_250,
    } as const;
    await activities().recordAssetIngestOutcome({ tenantId, assetId, outcome });
    await activities().recordAssetIngestOutcome({ tenantId, assetId, outcome });
    expect(await reload(tenantId, assetId)).toMatchObject({
      status: 'ready',
      contentType: 'audio/flac',
      sizeBytes: 3_000_000_123,
      sha256: 'ab'.repeat(32),
      durationMs: 183_250,
    });
  });

  it('records a rejection as failed and keeps the uploaded facts', async () => {
    const { tenantId, assetId } = await uploadedAsset();
    await activities().recordAssetIngestOutcome({
      tenantId,
      assetId,
      outcome: { status: 'failed', reason: 'unrecognized_format', message: 'not audio' },
    });
    expect(await reload(tenantId, assetId)).toMatchObject({ status: 'failed', contentType: 'audio/x-flac' });
  });

  it('never unblocks an asset a takedown blocked', async () => {
    const { tenantId, assetId } = await uploadedAsset('blocked');
    await activities().markAssetProcessing({ tenantId, assetId });
    await activities().recordAssetIngestOutcome({
      tenantId,
      assetId,
      outcome: { status: 'ready', contentType: 'audio/flac', sizeBytes: 1, sha256: 'ab'.repeat(32), durationMs: 1 },
    });
    expect((await reload(tenantId, assetId)).status).toBe('blocked');
  });

  it('refuses, non-retryably, an asset that does not exist, belongs to another tenant or has a malformed id', async () => {
    const { tenantId: owner, assetId } = await uploadedAsset();
    for (const [tenantId, id] of [
      [randomUUID(), randomUUID()],
      [randomUUID(), assetId],
      [randomUUID(), 'not-a-uuid'],
    ] as const) {
      const failure = await failureOf(activities().markAssetProcessing({ tenantId, assetId: id }));
      expect(failure).toMatchObject({ type: FailureType.assetNotFound, nonRetryable: true });
    }
    expect((await reload(owner, assetId)).status).toBe('uploaded');
  });
});

describe('appendAuditEvent (real PostgreSQL)', () => {
  it('appends one row per idempotency key, however often it is retried', async () => {
    const tenantId = randomUUID();
    const subjectId = randomUUID();
    const audit = createAuditActivities({ em: orm.em });
    const entry = {
      tenantId,
      actorType: 'workflow',
      actorId: `asset-ingest:${tenantId}:${subjectId}`,
      action: 'asset.ingested',
      subjectType: 'asset',
      subjectId,
      data: { durationMs: 1234 },
      idempotencyKey: `asset-ingest:${tenantId}:${subjectId}/audit/outcome`,
    } as const;
    await Promise.all([audit.appendAuditEvent(entry), audit.appendAuditEvent(entry)]);
    await audit.appendAuditEvent(entry);
    const rows = await forTenant(orm.em, tenantId).find(AuditEvent, { subjectId });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: uuidFromKey(entry.idempotencyKey),
      action: 'asset.ingested',
      actorType: 'workflow',
      data: { durationMs: 1234 },
    });
  });

  it('refuses a malformed tenant id without retrying', async () => {
    const failure = await failureOf(
      createAuditActivities({ em: orm.em }).appendAuditEvent({
        tenantId: 'acme',
        actorType: 'system',
        actorId: 'test',
        action: 'x.y',
        subjectType: 'x',
        subjectId: 'y',
        data: {},
        idempotencyKey: 'k',
      }),
    );
    expect(failure).toMatchObject({ type: FailureType.invalidInput, nonRetryable: true });
  });
});

describe('uuidFromKey', () => {
  it('is stable per key, distinct across keys and a valid version-8 UUID', () => {
    expect(uuidFromKey('a')).toBe(uuidFromKey('a'));
    expect(uuidFromKey('a')).not.toBe(uuidFromKey('b'));
    expect(uuidFromKey('a')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
