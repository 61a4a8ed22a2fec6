import { createReadStream } from 'node:fs';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { BlobInfo, BlobStore } from '@fanfare/storage';
import { Asset, type AssetKind } from '../entities/asset.entity.js';

/** A file the catalog should have, described before it exists. */
export interface PlannedFile {
  productId: string | null;
  workId: string | null;
  kind: AssetKind;
  filename: string;
  contentType: string;
  durationMs: number | null;
  /** Produces the file on disk or in memory; called only when the store lacks it. */
  render(ffmpeg: string, workDir: string): Promise<{ file: string } | { bytes: Uint8Array }>;
  /** Called with the asset row once the file is known to be stored. */
  onStored?(asset: Asset): void;
}

/** How many renders run at once: ffmpeg is single-threaded for these sources; the machines have two cores. */
const RENDER_CONCURRENCY = 2;

function sameFile(planned: PlannedFile, asset: Asset): boolean {
  return (
    asset.kind === planned.kind &&
    asset.filename === planned.filename &&
    (asset.productId ?? null) === planned.productId &&
    (asset.workId ?? null) === planned.workId
  );
}

/**
 * Makes sure each planned file exists in the BlobStore with an Asset row whose size and SHA-256
 * match the stored bytes; renders and uploads only what is missing or does not match.
 */
export class AssetWriter {
  /** Files uploaded by this writer so far. */
  filesWritten = 0;

  constructor(
    private readonly blobs: BlobStore,
    private readonly ffmpeg: string,
    private readonly workDir: string,
    private readonly log: (line: string) => void,
  ) {}

  /** Stores whatever of `planned` is missing for `tenantId`, through the tenant-scoped `em`. */
  async ensure(em: EntityManager, tenantId: string, planned: readonly PlannedFile[]): Promise<void> {
    const existing = await em.find(Asset, { filename: { $in: planned.map((p) => p.filename) } });
    const missing: { planned: PlannedFile; asset: Asset | undefined }[] = [];
    for (const file of planned) {
      const asset = existing.find((a) => sameFile(file, a));
      if (asset !== undefined && (await this.isStored(asset))) {
        file.onStored?.(asset);
      } else {
        missing.push({ planned: file, asset });
      }
    }
    const queue = [...missing];
    const worker = async () => {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
        await this.store(em, tenantId, next.planned, next.asset);
      }
    };
    await Promise.all(Array.from({ length: RENDER_CONCURRENCY }, worker));
  }

  private async isStored(asset: Asset): Promise<boolean> {
    const info = await this.blobs.stat(asset.storageKey);
    return info !== undefined && info.sha256 === asset.sha256 && info.size === asset.sizeBytes;
  }

  private async store(em: EntityManager, tenantId: string, file: PlannedFile, found: Asset | undefined): Promise<void> {
    const asset =
      found ??
      em.create(Asset, {
        productId: file.productId,
        workId: file.workId,
        kind: file.kind,
        filename: file.filename,
        contentType: file.contentType,
        storageKey: 'pending',
        sizeBytes: 0,
        sha256: '0'.repeat(64),
        status: 'processing',
      });
    const key = `tenants/${tenantId}/assets/${asset.id}/${file.filename}`;
    const rendered = await file.render(this.ffmpeg, this.workDir);
    const body = 'file' in rendered ? createReadStream(rendered.file) : rendered.bytes;
    const info: BlobInfo = await this.blobs.put(key, body, { contentType: file.contentType });
    em.assign(asset, {
      storageKey: key,
      contentType: file.contentType,
      sizeBytes: info.size,
      sha256: info.sha256,
      durationMs: file.durationMs,
      status: 'ready',
    });
    this.filesWritten += 1;
    this.log(`stored ${key} (${info.size} bytes)`);
    file.onStored?.(asset);
  }
}
