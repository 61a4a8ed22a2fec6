import { createHash, randomUUID } from 'node:crypto';
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../../scripts/test-support/provided.js';
import { Asset, AuditEvent, forTenant, type MikroORM } from '@fanfare/db';
import { FsBlobStore } from '@fanfare/storage';
import {
  ASSET_INGEST_WORKFLOW_TYPE,
  assetIngestWorkflowId,
  type AssetIngestInput,
  type AssetIngestResult,
  type MediaClass,
} from '@fanfare/contracts';
import { startRealWorker, type RealWorker } from './support/real-worker.js';

const execFileAsync = promisify(execFile);
let real: RealWorker;
let taskQueue: string;
let dir: string;
let orm: MikroORM;
let client: Client;
let blobs: FsBlobStore;

beforeAll(async () => {
  real = await startRealWorker('worker-ingest');
  ({ taskQueue, dir, orm, client } = real);
  blobs = new FsBlobStore(path.join(dir, 'blobs'));
});

afterAll(async () => {
  await real?.close();
});

/** Stores `bytes` as a creator's upload and creates its `Asset` row, as the upload API will. */
async function upload(
  bytes: Buffer,
  filename: string,
  declaredType: string,
): Promise<{ tenantId: string; assetId: string; storageKey: string }> {
  const tenantId = randomUUID();
  const em = forTenant(orm.em, tenantId);
  const asset = em.create(Asset, {
    kind: 'original',
    storageKey: 'pending',
    filename,
    contentType: declaredType,
    sizeBytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  });
  asset.storageKey = `tenants/${tenantId}/assets/${asset.id}/${filename}`;
  await em.flush();
  await blobs.put(asset.storageKey, bytes, { contentType: declaredType });
  return { tenantId, assetId: asset.id, storageKey: asset.storageKey };
}

async function ingest(
  uploaded: { tenantId: string; assetId: string; storageKey: string },
  mediaClass: MediaClass,
): Promise<AssetIngestResult> {
  const input: AssetIngestInput = { ...uploaded, mediaClass };
  const handle = await client.workflow.start(ASSET_INGEST_WORKFLOW_TYPE, {
    taskQueue,
    workflowId: assetIngestWorkflowId(uploaded.tenantId, uploaded.assetId),
    args: [input],
  });
  return (await handle.result()) as AssetIngestResult;
}

describe('the composed worker (real Temporal, PostgreSQL, fs blobs, ffprobe)', () => {
  it('ingests a real FLAC: the Asset ends ready with its probed duration and an audit entry', async () => {
    const flac = path.join(dir, 'tone.flac');
    await execFileAsync('/usr/bin/ffmpeg', [
      '-v',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      'sine=frequency=440:duration=3.2',
      '-ac',
      '2',
      '-ar',
      '44100',
      flac,
    ]);
    const bytes = await readFile(flac);
    const uploaded = await upload(bytes, 'My Song.wav', 'audio/wav');
    const result = await ingest(uploaded, 'audio');
    expect(result).toMatchObject({ status: 'ready', contentType: 'audio/flac', durationMs: 3200 });
    const em = forTenant(orm.em, uploaded.tenantId);
    expect(await em.findOneOrFail(Asset, { id: uploaded.assetId })).toMatchObject({
      status: 'ready',
      durationMs: 3200,
      contentType: 'audio/flac',
      sizeBytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    const audit = await em.find(AuditEvent, { subjectId: uploaded.assetId });
    expect(audit.map((event) => event.action)).toEqual(['asset.ingested']);
  });

  it('rejects a text file renamed .mp3: the Asset ends failed', async () => {
    const text = path.join(dir, 'notes.txt');
    await writeFile(text, 'Verse 1: la la la\nChorus: oh oh oh\n'.repeat(50));
    const uploaded = await upload(await readFile(text), 'hit-single.mp3', 'audio/mpeg');
    const result = await ingest(uploaded, 'audio');
    expect(result).toMatchObject({ status: 'failed', reason: 'unrecognized_format' });
    const em = forTenant(orm.em, uploaded.tenantId);
    expect((await em.findOneOrFail(Asset, { id: uploaded.assetId })).status).toBe('failed');
    const [event] = await em.find(AuditEvent, { subjectId: uploaded.assetId });
    expect(event).toMatchObject({ action: 'asset.rejected', data: { outcome: { reason: 'unrecognized_format' } } });
  });
});
