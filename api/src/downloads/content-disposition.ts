/**
 * `attachment` with both a plain `filename` (ASCII, quotes and backslashes and control
 * characters replaced) and an RFC 5987 `filename*` in UTF-8, as RFC 6266 recommends, so every
 * browser saves the file under its real name and no name can break out of the header.
 */
export function attachmentDisposition(filename: string): string {
  const base = filename.replace(/[/\\]/g, '_').trim() || 'download';
  const ascii = base
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(base).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
