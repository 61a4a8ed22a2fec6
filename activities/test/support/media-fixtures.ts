import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** The binaries the media activities run, as installed on these machines. */
export const FFMPEG = '/usr/bin/ffmpeg';
/** See `FFMPEG`. */
export const FFPROBE = '/usr/bin/ffprobe';

/** A temp dir of its own for one test file. */
export function makeTempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), `fanfare-${prefix}-`));
}

/**
 * Encodes `seconds` of a 440 Hz tone into `dir/name` with ffmpeg; the extension picks the
 * format (`.wav`, `.flac`, `.mp3`, `.m4a`). Returns the file's bytes.
 */
export async function generateTone(
  dir: string,
  name: string,
  seconds: number,
  options: { channels?: number; sampleRate?: number } = {},
): Promise<Buffer> {
  const file = path.join(dir, name);
  await execFileAsync(FFMPEG, [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=440:duration=${seconds}`,
    '-ac',
    String(options.channels ?? 2),
    '-ar',
    String(options.sampleRate ?? 44100),
    file,
  ]);
  return readFile(file);
}

/** The first bytes of an EPUB: a ZIP whose first entry is the stored `mimetype` file. */
export function epubHead(): Buffer {
  return zipWithFirstEntry('mimetype', 'application/epub+zip');
}

/** A ZIP local-file header and content for one stored (uncompressed) entry. */
export function zipWithFirstEntry(name: string, content: string): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(10, 4);
  header.writeUInt32LE(Buffer.byteLength(content), 18);
  header.writeUInt32LE(Buffer.byteLength(content), 22);
  header.writeUInt16LE(Buffer.byteLength(name), 26);
  return Buffer.concat([header, Buffer.from(name), Buffer.from(content), Buffer.alloc(200, 0x20)]);
}
