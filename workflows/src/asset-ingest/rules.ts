import type { AssetIngestPolicy, MediaClass } from '@fanfare/contracts';
import type { AssetIngestOutcome, AssetRejectionReason, RejectedAsset } from '@fanfare/contracts';
import type { AudioProbe, MediaProbe } from '@fanfare/contracts';
import type { BlobFacts } from '@fanfare/contracts';

/** A rejection with its reason and a sentence for the creator. */
export function rejection(reason: AssetRejectionReason, message: string): RejectedAsset {
  return { status: 'failed', reason, message };
}

/** Checks what can be known without reading the content; null means "go on and probe". */
export function checkBlob(
  mediaClass: MediaClass,
  blob: BlobFacts,
  expectedSha256: string | undefined,
  policy: AssetIngestPolicy,
): RejectedAsset | null {
  if (expectedSha256 !== undefined && expectedSha256.toLowerCase() !== blob.sha256) {
    return rejection(
      'checksum_mismatch',
      `The upload's checksum ${blob.sha256} differs from the expected ${expectedSha256.toLowerCase()}`,
    );
  }
  if (blob.sizeBytes === 0) return rejection('empty_file', 'The upload is empty');
  if (mediaClass === 'audio' && blob.sizeBytes > policy.maxAudioBytes) {
    return rejection(
      'too_large',
      `Audio originals may be at most ${policy.maxAudioBytes} bytes; this one is ${blob.sizeBytes}`,
    );
  }
  return null;
}

/** The accepted audio containers and codecs (mp3, wav, flac, aac/m4a), by what ffprobe reports. */
function audioContentType(probe: AudioProbe): string | null {
  const containers = probe.container.split(',');
  if (containers.includes('mp3') && probe.codec === 'mp3') return 'audio/mpeg';
  if (containers.includes('wav') && probe.codec.startsWith('pcm_')) return 'audio/wav';
  if (containers.includes('flac') && probe.codec === 'flac') return 'audio/flac';
  if (containers.includes('aac') && probe.codec === 'aac') return 'audio/aac';
  if (containers.includes('m4a') && probe.codec === 'aac') return 'audio/mp4';
  return null;
}

const DOCUMENT_TYPES = { pdf: 'application/pdf', epub: 'application/epub+zip' } as const;

/** Decides from the probe whether the upload is what the creator said it is, and acceptable. */
export function assessProbe(mediaClass: MediaClass, blob: BlobFacts, probe: MediaProbe): AssetIngestOutcome {
  const accepted = (contentType: string, durationMs: number | null): AssetIngestOutcome => ({
    status: 'ready',
    contentType,
    sizeBytes: blob.sizeBytes,
    sha256: blob.sha256,
    durationMs,
  });
  if (probe.type === 'unrecognized')
    return rejection('unrecognized_format', `The file's content is not a format we accept (${probe.detail})`);
  if (mediaClass === 'ebook') {
    if (probe.type === 'document') return accepted(DOCUMENT_TYPES[probe.format], null);
    return rejection('wrong_media_class', 'An e-book must be a PDF or an EPUB; this file is audio');
  }
  if (probe.type === 'document')
    return rejection('wrong_media_class', `Expected audio, found a ${probe.format.toUpperCase()} document`);
  const contentType = audioContentType(probe);
  if (contentType === null) {
    return rejection('unsupported_codec', `${probe.codec} in ${probe.container} is not mp3, wav, flac or aac`);
  }
  if (probe.durationMs <= 0) return rejection('unrecognized_format', 'The audio has no duration');
  return accepted(contentType, probe.durationMs);
}
