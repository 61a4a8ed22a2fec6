import type { DocumentProbe } from '@fanfare/contracts';

/** How many leading bytes `sniffDocument` needs to see. */
export const SNIFF_BYTES = 128;

const EPUB_MIMETYPE = 'application/epub+zip';

/**
 * Recognises PDF and EPUB from their first bytes. An EPUB is a ZIP whose first entry is the
 * uncompressed file `mimetype` holding `application/epub+zip` (OCF 3.3 §4.2.2), which tells it
 * apart from any other ZIP.
 */
export function sniffDocument(head: Buffer): DocumentProbe | null {
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return { type: 'document', format: 'pdf' };
  if (head.length < 30 || head.readUInt32LE(0) !== 0x04034b50) return null;
  const nameLength = head.readUInt16LE(26);
  const extraLength = head.readUInt16LE(28);
  const name = head.subarray(30, 30 + nameLength).toString('latin1');
  const contentStart = 30 + nameLength + extraLength;
  const content = head.subarray(contentStart, contentStart + EPUB_MIMETYPE.length).toString('latin1');
  return name === 'mimetype' && content === EPUB_MIMETYPE ? { type: 'document', format: 'epub' } : null;
}
