import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { BlobInfo, BlobStore } from '@fanfare/storage';
import { Asset, type AssetKind } from '../entities/asset.entity.js';
import { HLS_PLAYLIST, hlsContentType, PREVIEW_HLS_FOLDER, previewHlsKey, renderPreviewHls } from './preview-media.js';

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

  /**
   * Makes sure `preview` has its HLS rendition stored as `rendition` assets of its product
   * (`preview-hls/<file>`), rendered from the stored preview only when missing or cut from an
   * older preview, so the storefront's export only copies them.
   */
  async ensurePreviewHls(em: EntityManager, tenantId: string, preview: Asset): Promise<void> {
    const prefix = `tenants/${tenantId}/assets/${preview.id}`;
    const existing = await em.find(Asset, {
      productId: preview.productId ?? null,
      kind: 'rendition',
      filename: { $like: `${PREVIEW_HLS_FOLDER}/%` },
    });
    const current = existing.filter((asset) => asset.storageKey.startsWith(previewHlsKey(prefix, preview.sha256, '')));
    const stored = await Promise.all(current.map((asset) => this.isStored(asset)));
    const complete =
      current.length === existing.length &&
      current.some((asset) => asset.filename === `${PREVIEW_HLS_FOLDER}/${HLS_PLAYLIST}`) &&
      stored.every(Boolean);
    if (complete) return;
    for (const old of existing) {
      await this.blobs.delete(old.storageKey);
      em.remove(old);
    }
    const dir = await mkdtemp(path.join(this.workDir, 'hls-'));
    const source = path.join(dir, 'preview.mp3');
    await pipeline(await this.blobs.get(preview.storageKey), createWriteStream(source));
    const out = path.join(dir, 'hls');
    for (const name of await renderPreviewHls(this.ffmpeg, source, out)) {
      const key = previewHlsKey(prefix, preview.sha256, name);
      const contentType = hlsContentType(name);
      const info = await this.blobs.put(key, createReadStream(path.join(out, name)), { contentType });
      em.create(Asset, {
        productId: preview.productId ?? null,
        workId: preview.workId ?? null,
        kind: 'rendition',
        filename: `${PREVIEW_HLS_FOLDER}/${name}`,
        contentType,
        storageKey: key,
        sizeBytes: info.size,
        sha256: info.sha256,
        durationMs: null,
        status: 'ready',
      });
      this.filesWritten += 1;
      this.log(`stored ${key} (${info.size} bytes)`);
    }
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
