/**
 * Preview media for the catalog: a short clip of a track's download and its HLS rendition,
 * rendered on the catalog's side (the seeder today, the transcoding process later) and stored
 * as assets, so the storefront build only copies files it is given and never runs ffmpeg.
 */
import { execFile } from 'node:child_process';
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Length of the preview clip cut from a track's download. */
export const PREVIEW_SECONDS = 30;

/** The file name of a preview's HLS playlist, beside its segments. */
export const HLS_PLAYLIST = 'index.m3u8';

/** The folder (in `Asset.filename`) of a preview's HLS files: `preview-hls/index.m3u8`, … */
export const PREVIEW_HLS_FOLDER = 'preview-hls';

/**
 * Where the HLS files of the preview with SHA-256 `previewSha256` are stored under `prefix`: a
 * changed preview gets new keys, so a rendition is known to belong to the preview it was cut from.
 */
export function previewHlsKey(prefix: string, previewSha256: string, name: string): string {
  return `${prefix}/hls-${previewSha256.slice(0, 20)}/${name}`;
}

/** The content type a player and a CDN expect for each HLS file. */
export function hlsContentType(name: string): string {
  if (name.endsWith('.m3u8')) return 'application/vnd.apple.mpegurl';
  if (name.endsWith('.m4s')) return 'audio/mp4';
  return 'video/mp4';
}

/** Cuts the first `seconds` of the MP3 `source` into `<dir>/<name>-preview.mp3`, without re-encoding. */
export async function cutPreviewClip(
  ffmpeg: string,
  source: string,
  dir: string,
  name: string,
  seconds = PREVIEW_SECONDS,
): Promise<string> {
  const clip = path.join(dir, `${name}-preview.mp3`);
  await run(ffmpeg, ['-v', 'error', '-y', '-i', source, '-t', String(seconds), '-c:a', 'copy', clip]);
  return clip;
}

/**
 * Renders `input` as HLS into the empty folder `outDir`: AAC 128k in 6 s fMP4 segments with
 * `init.mp4` and `index.m3u8`. Returns the file names written.
 */
export async function renderPreviewHls(ffmpeg: string, input: string, outDir: string): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  await run(ffmpeg, [
    '-v',
    'error',
    '-y',
    '-i',
    input,
    '-vn',
    '-c:a',
    'aac',
    '-b:a',
    '128k',
    '-f',
    'hls',
    '-hls_time',
    '6',
    '-hls_playlist_type',
    'vod',
    '-hls_segment_type',
    'fmp4',
    '-hls_fmp4_init_filename',
    'init.mp4',
    '-hls_segment_filename',
    path.join(outDir, 'segment-%03d.m4s'),
    path.join(outDir, HLS_PLAYLIST),
  ]);
  return (await readdir(outDir)).sort();
}
