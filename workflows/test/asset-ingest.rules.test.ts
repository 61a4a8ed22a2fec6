import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSET_INGEST_POLICY, type AudioProbe, type BlobFacts, type MediaProbe } from '@fanfare/contracts';
import { assessProbe, checkBlob } from '../src/index.js';

const blob: BlobFacts = {
  storageKey: 'k',
  sizeBytes: 1000,
  sha256: 'ab'.repeat(32),
  declaredContentType: 'audio/mpeg',
};
const audio = (container: string, codec: string, durationMs = 1000): AudioProbe => ({
  type: 'audio',
  container,
  codec,
  durationMs,
  channels: 2,
  sampleRateHz: 44100,
  bitRate: null,
});

describe('checkBlob', () => {
  it.each([
    ['a matching checksum in upper case', { expected: 'AB'.repeat(32) }, null],
    ['a checksum mismatch', { expected: 'cd'.repeat(32) }, 'checksum_mismatch'],
    ['an empty file', { size: 0 }, 'empty_file'],
    ['audio of exactly 500 MiB', { size: 500 * 1024 * 1024 }, null],
    ['audio one byte over 500 MiB', { size: 500 * 1024 * 1024 + 1 }, 'too_large'],
    ['an e-book over 500 MiB (no audio limit applies)', { size: 600 * 1024 * 1024, ebook: true }, null],
  ] as const)('%s', (_name, c, reason) => {
    const facts = { ...blob, sizeBytes: 'size' in c ? c.size : blob.sizeBytes };
    const expected = 'expected' in c ? c.expected : undefined;
    const result = checkBlob('ebook' in c ? 'ebook' : 'audio', facts, expected, DEFAULT_ASSET_INGEST_POLICY);
    expect(result?.reason ?? null).toBe(reason);
  });
});

describe('assessProbe', () => {
  it.each<[string, 'audio' | 'ebook', MediaProbe, string]>([
    ['mp3', 'audio', audio('mp3', 'mp3'), 'audio/mpeg'],
    ['wav (16-bit PCM)', 'audio', audio('wav', 'pcm_s16le'), 'audio/wav'],
    ['wav (24-bit PCM)', 'audio', audio('wav', 'pcm_s24le'), 'audio/wav'],
    ['flac', 'audio', audio('flac', 'flac'), 'audio/flac'],
    ['aac (ADTS)', 'audio', audio('aac', 'aac'), 'audio/aac'],
    ['m4a', 'audio', audio('mov,mp4,m4a,3gp,3g2,mj2', 'aac'), 'audio/mp4'],
    ['pdf', 'ebook', { type: 'document', format: 'pdf' }, 'application/pdf'],
    ['epub', 'ebook', { type: 'document', format: 'epub' }, 'application/epub+zip'],
  ])('accepts %s', (_name, mediaClass, probe, contentType) => {
    expect(assessProbe(mediaClass, blob, probe)).toMatchObject({
      status: 'ready',
      contentType,
      sizeBytes: 1000,
      sha256: blob.sha256,
    });
  });

  it.each<[string, 'audio' | 'ebook', MediaProbe, string]>([
    ['ogg/opus', 'audio', audio('ogg', 'opus'), 'unsupported_codec'],
    ['ALAC in m4a', 'audio', audio('mov,mp4,m4a,3gp,3g2,mj2', 'alac'), 'unsupported_codec'],
    ['mp3 codec in a wav container', 'audio', audio('wav', 'mp3'), 'unsupported_codec'],
    ['audio with no duration', 'audio', audio('flac', 'flac', 0), 'unrecognized_format'],
    ['unidentifiable content', 'audio', { type: 'unrecognized', detail: 'Invalid data' }, 'unrecognized_format'],
    ['a PDF uploaded as audio', 'audio', { type: 'document', format: 'pdf' }, 'wrong_media_class'],
    ['audio uploaded as an e-book', 'ebook', audio('mp3', 'mp3'), 'wrong_media_class'],
    ['unidentifiable e-book', 'ebook', { type: 'unrecognized', detail: 'no audio stream' }, 'unrecognized_format'],
  ])('rejects %s', (_name, mediaClass, probe, reason) => {
    expect(assessProbe(mediaClass, blob, probe)).toMatchObject({ status: 'failed', reason });
  });

  it('records the probed duration of accepted audio and none for documents', () => {
    expect(assessProbe('audio', blob, audio('flac', 'flac', 183_250))).toMatchObject({ durationMs: 183_250 });
    expect(assessProbe('ebook', blob, { type: 'document', format: 'pdf' })).toMatchObject({ durationMs: null });
  });
});
