import { stat } from 'node:fs/promises';
import path from 'node:path';

/** Content types of what a storefront build contains. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.m4s': 'audio/mp4',
  '.mp4': 'video/mp4',
  '.ts': 'video/mp2t',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
};

/** The content type of a file name; `application/octet-stream` when unknown. */
export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file under `root` a URL path names, never outside it: the path is decoded once, must not
 * hold NUL bytes, backslashes or dot segments, and the resolved path must stay inside `root`.
 * A folder (or a path without extension) answers its `index.html`. Undefined when there is no
 * such file.
 */
export async function resolveStaticFile(root: string, urlPath: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return undefined;
  if (decoded.split('/').some((segment) => segment === '..' || segment === '.')) return undefined;
  // Dot-files and build staging folders (`.aurora.next`) are never served.
  if (decoded.split('/').some((segment) => segment.startsWith('.'))) return undefined;
  const base = path.resolve(root);
  const candidate = path.resolve(base, `.${decoded}`);
  if (candidate !== base && !candidate.startsWith(base + path.sep)) return undefined;
  for (const file of [candidate, path.join(candidate, 'index.html')]) {
    const info = await stat(file).catch(() => undefined);
    if (info?.isFile()) return file;
  }
  return undefined;
}
