import type {
  AssetActivities,
  AssetIngestOutcome,
  AuditActivities,
  AuditEntry,
  BlobFacts,
  MediaActivities,
  MediaProbe,
  StorageActivities,
} from '@fanfare/contracts';

/** The activities asset ingest calls, as one typed object. */
export type IngestActivities = StorageActivities & MediaActivities & AssetActivities & AuditActivities;

/** What the fakes were asked to do, for assertions. */
export interface IngestCalls {
  statBlob: string[];
  probeMedia: string[];
  markAssetProcessing: string[];
  outcomes: AssetIngestOutcome[];
  audit: AuditEntry[];
}

/** Facts about a well-formed 3-second FLAC. */
const FLAC_BLOB: BlobFacts = {
  storageKey: 'tenants/t/assets/a/original.flac',
  sizeBytes: 412_345,
  sha256: 'ab'.repeat(32),
  declaredContentType: 'audio/flac',
};

/** What ffprobe says about that FLAC. */
export const FLAC_PROBE: MediaProbe = {
  type: 'audio',
  container: 'flac',
  codec: 'flac',
  durationMs: 3000,
  channels: 2,
  sampleRateHz: 44100,
  bitRate: 1_099_000,
};

/**
 * In-memory fakes of every ingest activity: `overrides` replace single activities to steer a
 * branch (a missing blob, a failing probe), and every call is recorded.
 */
export function fakeIngestActivities(overrides: Partial<IngestActivities> = {}): {
  activities: IngestActivities;
  calls: IngestCalls;
} {
  const calls: IngestCalls = { statBlob: [], probeMedia: [], markAssetProcessing: [], outcomes: [], audit: [] };
  const defaults: IngestActivities = {
    statBlob: async ({ storageKey }) => ({ ...FLAC_BLOB, storageKey }),
    probeMedia: async () => FLAC_PROBE,
    markAssetProcessing: async () => undefined,
    recordAssetIngestOutcome: async () => undefined,
    appendAuditEvent: async () => undefined,
  };
  const pick = { ...defaults, ...overrides };
  const activities: IngestActivities = {
    statBlob: async (input) => {
      calls.statBlob.push(input.storageKey);
      return pick.statBlob(input);
    },
    probeMedia: async (input) => {
      calls.probeMedia.push(input.storageKey);
      return pick.probeMedia(input);
    },
    markAssetProcessing: async (input) => {
      calls.markAssetProcessing.push(input.assetId);
      return pick.markAssetProcessing(input);
    },
    recordAssetIngestOutcome: async (input) => {
      await pick.recordAssetIngestOutcome(input);
      calls.outcomes.push(input.outcome);
    },
    appendAuditEvent: async (entry) => {
      await pick.appendAuditEvent(entry);
      calls.audit.push(entry);
    },
  };
  return { activities, calls };
}
