import { randomUUID } from 'node:crypto';
import { Asset, createOrm, forTenant, TrackTranscode, type MikroORM } from '@fanfare/db';
import { FailureType, type TranscodeOutcome } from '@fanfare/contracts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../../scripts/test-support/provided.js';
import { createTrackActivities } from '../src/index.js';

let orm: MikroORM;

beforeAll(async () => {
  orm = await createOrm(inject('databaseUrl'));
});
afterAll(async () => {
  await orm?.close(true);
});

async function audioAsset(): Promise<{ tenantId: string; assetId: string }> {
  const tenantId = randomUUID();
  const em = forTenant(orm.em, tenantId);
  const asset = em.create(Asset, {
    kind: 'original',
    storageKey: `tenants/${tenantId}/assets/x/original.flac`,
    filename: 'take.flac',
    contentType: 'audio/flac',
    sizeBytes: 10,
    sha256: '0'.repeat(64),
    status: 'ready',
  });
  await em.flush();
  return { tenantId, assetId: asset.id };
}

const track = (tenantId: string, assetId: string) =>
  forTenant(orm.em.fork(), tenantId).findOneOrFail(TrackTranscode, { assetId });

const READY: TranscodeOutcome = {
  status: 'ready',
  presetVersion: 1,
  durationMs: 183_250,
  inputLufs: -22.1,
  inputTruePeakDb: -3,
  masterPlaylistKey: 'p/hls/master.m3u8',
  renditions: [],
  previewPlaylistKey: 'p/preview/index.m3u8',
  waveformKeys: ['p/waveform/160.json', 'p/waveform/1600.json'],
  keys: ['p/hls/master.m3u8'],
  coverKeys: [],
};

describe('track activities (real PostgreSQL)', () => {
  const tracks = () => createTrackActivities({ em: orm.em });

  it('moves a track processing → ready with its manifest, and a retried start finds the same row', async () => {
    const { tenantId, assetId } = await audioAsset();
    expect(await tracks().markTrackProcessing({ tenantId, assetId })).toBe('processing');
    expect(await tracks().markTrackProcessing({ tenantId, assetId })).toBe('processing');
    expect((await track(tenantId, assetId)).status).toBe('processing');
    await tracks().recordTrackTranscode({ tenantId, assetId, outcome: READY });
    const row = await track(tenantId, assetId);
    expect(row).toMatchObject({ status: 'ready', presetVersion: 1, durationMs: 183_250, reason: null });
    expect(row.manifest).toMatchObject({
      masterPlaylistKey: 'p/hls/master.m3u8',
      previewPlaylistKey: 'p/preview/index.m3u8',
    });
  });

  it('records a failure with its reason, and never moves a blocked track', async () => {
    const { tenantId, assetId } = await audioAsset();
    await tracks().markTrackProcessing({ tenantId, assetId });
    const outcome = { status: 'failed', reason: 'undecodable', message: 'ffmpeg cannot decode the file: x' } as const;
    await tracks().recordTrackTranscode({ tenantId, assetId, outcome });
    expect(await track(tenantId, assetId)).toMatchObject({ status: 'failed', reason: 'undecodable', manifest: null });

    await forTenant(orm.em.fork(), tenantId).nativeUpdate(TrackTranscode, { assetId }, { status: 'blocked' });
    expect(await tracks().markTrackProcessing({ tenantId, assetId })).toBe('blocked');
    await tracks().recordTrackTranscode({ tenantId, assetId, outcome: READY });
    expect((await track(tenantId, assetId)).status).toBe('blocked');
  });

  it('refuses an asset of another tenant as not found, for good', async () => {
    const { assetId } = await audioAsset();
    const failure = await tracks()
      .markTrackProcessing({ tenantId: randomUUID(), assetId })
      .catch((e: unknown) => e);
    expect(failure).toMatchObject({ type: FailureType.assetNotFound, nonRetryable: true });
  });
});
