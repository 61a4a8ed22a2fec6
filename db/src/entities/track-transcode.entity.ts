import { defineEntity, p } from '@mikro-orm/core';
import { tenantFilters, tenantIdColumn } from '../tenancy/tenant-filter.js';
import { createdAt, instant, uuidPrimaryKey, uuidRef } from './columns.js';

/** Where a track's transcode stands; `blocked` is set by a takedown and never left by a transcode. */
export const TRACK_STATUSES = ['draft', 'processing', 'ready', 'failed', 'blocked'] as const;

const TrackTranscodeSchema = defineEntity({
  name: 'TrackTranscode',
  tableName: 'track_transcodes',
  filters: tenantFilters,
  properties: {
    id: uuidPrimaryKey(),
    tenantId: tenantIdColumn(),
    /** The original audio asset; one transcode row per original. */
    assetId: uuidRef().unique(),
    status: p.enum(TRACK_STATUSES).default('draft'),
    /** Why the track is `failed` or `blocked` (`undecodable`, `too_long`, `cancelled`…). */
    reason: p.string().nullable(),
    message: p.text().nullable(),
    presetVersion: p.integer().nullable(),
    durationMs: p.integer().nullable(),
    /** Keys of the master playlist, preview, waveforms and cover art once ready. */
    manifest: p.json<Record<string, unknown>>().nullable(),
    createdAt: createdAt(),
    updatedAt: instant().onCreate(() => new Date()),
  },
});

/** The transcode state of one audio original: its status and, once ready, what was rendered. */
export class TrackTranscode extends TrackTranscodeSchema.class {}
TrackTranscodeSchema.setClass(TrackTranscode);

/** Metadata of `TrackTranscode`. */
export { TrackTranscodeSchema };
