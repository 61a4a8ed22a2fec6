import { defineQuery } from '@temporalio/workflow';
import type { AssetIngestOutcome } from './ports/asset-port.js';
import type { MediaProbe } from './ports/media-port.js';
import { defineProcess } from './processes.js';
import { FANFARE_TASK_QUEUE } from './task-queues.js';

/** The task queue asset ingest runs on. */
export const ASSET_INGEST_TASK_QUEUE = FANFARE_TASK_QUEUE;

/** The workflow type name, for clients that start it by name. */
export const ASSET_INGEST_WORKFLOW_TYPE = 'assetIngestWorkflow';

/** The asset ingest process as the registry knows it: where it runs and the activities it calls. */
export const ASSET_INGEST_PROCESS = defineProcess({
  title: 'Asset ingest',
  workflowType: ASSET_INGEST_WORKFLOW_TYPE,
  taskQueue: ASSET_INGEST_TASK_QUEUE,
  activities: ['storage', 'media', 'assets', 'audit'],
});

/** What the creator says the upload is; the probe must agree. */
export type MediaClass = 'audio' | 'ebook';

/** Business limits, taken from input so tests and operators can see and vary them. */
export interface AssetIngestPolicy {
  /** Largest accepted audio original in bytes (500 MiB). */
  maxAudioBytes: number;
}

/** The product's limits. */
export const DEFAULT_ASSET_INGEST_POLICY: AssetIngestPolicy = { maxAudioBytes: 500 * 1024 * 1024 };

/** Starts validating one uploaded file that already has its `Asset` row (status `uploaded`). */
export interface AssetIngestInput {
  tenantId: string;
  assetId: string;
  storageKey: string;
  mediaClass: MediaClass;
  /** The checksum the uploader computed, when it sent one. */
  expectedSha256?: string;
  policy?: Partial<AssetIngestPolicy>;
}

/** How the ingest ended; a rejected upload is a normal result, not a workflow failure. */
export type AssetIngestResult = AssetIngestOutcome & { assetId: string; probe: MediaProbe | null };

/** Where an ingest stands, in words an operator or the creator's upload page can show. */
export type AssetIngestStep = 'starting' | 'checking_blob' | 'probing' | 'recording' | 'ready' | 'failed';

/** The answer to the `status` query. */
export interface AssetIngestStatus {
  step: AssetIngestStep;
  /** What the workflow is waiting for right now; null once it has finished. */
  waitingFor: string | null;
  outcome: AssetIngestOutcome | null;
}

/** Asks a running or finished ingest where it stands. */
export const assetIngestStatusQuery = defineQuery<AssetIngestStatus, [], 'status'>('status');

/**
 * The workflow id for ingesting one asset. Derived from business keys so a retried upload
 * callback finds the running ingest instead of starting a second one.
 */
export function assetIngestWorkflowId(tenantId: string, assetId: string): string {
  return `asset-ingest:${tenantId}:${assetId}`;
}
