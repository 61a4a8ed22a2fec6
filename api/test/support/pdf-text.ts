import { inflateSync } from 'node:zlib';

/**
 * The text a PDF made by pdf-lib shows: its content streams inflated and the hex or literal
 * strings of their `Tj` operators decoded (WinAnsi, close enough to Latin-1 for assertions).
 */
export function pdfText(bytes: Uint8Array): string {
  const raw = Buffer.from(bytes);
  const shown: string[] = [];
  let at = 0;
  for (;;) {
    const start = raw.indexOf('stream', at, 'latin1');
    if (start < 0) break;
    const bodyStart = raw[start + 6] === 0x0d ? start + 8 : start + 7;
    const end = raw.indexOf('endstream', bodyStart, 'latin1');
    if (end < 0) break;
    const body = raw.subarray(bodyStart, end);
    let content: string;
    try {
      content = inflateSync(body).toString('latin1');
    } catch {
      content = body.toString('latin1');
    }
    for (const match of content.matchAll(/<([0-9A-Fa-f]*)>\s*Tj|\(((?:\\.|[^\\)])*)\)\s*Tj/g)) {
      shown.push(match[1] !== undefined ? Buffer.from(match[1], 'hex').toString('latin1') : (match[2] ?? ''));
    }
    at = end + 9;
  }
  return shown.join('\n');
}
