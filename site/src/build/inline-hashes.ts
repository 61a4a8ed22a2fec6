import { createHash } from 'node:crypto';

/** CSP hash sources (`'sha256-…'`) of the inline code of one HTML page. */
export interface InlineHashes {
  /** Inline `<script>` elements that run (JSON-LD and other data blocks are not scripts). */
  scripts: string[];
  /** Inline `<style>` elements. */
  styles: string[];
  /** `style="…"` attribute values (allowed only through `'unsafe-hashes'`). */
  styleAttributes: string[];
}

/** The CSP source of `text` as the browser hashes it: SHA-256 of its UTF-8 bytes, base64. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

// Script types a browser runs (or, for import maps and speculation rules, acts on under script-src).
const RUNNABLE_TYPES = new Set(['', 'module', 'importmap', 'speculationrules']);
const JAVASCRIPT_MIME = /^(?:text|application)\/(?:x-)?(?:javascript|ecmascript)$/;

/**
 * The hash sources of every inline script, style element and style attribute of `html`, each
 * listed once. Made for Astro's own output (well-formed, attributes quoted), not for arbitrary
 * markup: a small tokenizer that skips comments and treats script/style content as raw text,
 * which is also how the browser sees it.
 */
export function inlineHashesOf(html: string): InlineHashes {
  // The HTML parser turns CRLF and lone CR into LF before anything is hashed.
  const source = html.replace(/\r\n?/g, '\n');
  const scripts = new Set<string>();
  const styles = new Set<string>();
  const styleAttributes = new Set<string>();
  let at = 0;
  while (at < source.length) {
    const open = source.indexOf('<', at);
    if (open === -1) break;
    if (source.startsWith('<!--', open)) {
      const close = source.indexOf('-->', open + 4);
      at = close === -1 ? source.length : close + 3;
      continue;
    }
    const name = /^<([a-zA-Z][a-zA-Z0-9-]*)/.exec(source.slice(open, open + 64))?.[1]?.toLowerCase();
    if (name === undefined) {
      at = open + 1;
      continue;
    }
    const tag = readTag(source, open + name.length + 1);
    const style = tag.attributes.get('style');
    if (style !== undefined) styleAttributes.add(cspHash(style));
    at = tag.end;
    if (name !== 'script' && name !== 'style') continue;
    const close = source.slice(at).search(new RegExp(`</${name}[\\s/>]`, 'i'));
    const content = close === -1 ? source.slice(at) : source.slice(at, at + close);
    at = close === -1 ? source.length : at + close;
    if (name === 'style') styles.add(cspHash(content));
    else if (!tag.attributes.has('src') && runs(tag.attributes.get('type'))) scripts.add(cspHash(content));
  }
  return { scripts: [...scripts], styles: [...styles], styleAttributes: [...styleAttributes] };
}

function runs(type: string | undefined): boolean {
  if (type === undefined) return true;
  const essence = type.trim().toLowerCase();
  return RUNNABLE_TYPES.has(essence) || JAVASCRIPT_MIME.test(essence);
}

/** Reads the attributes of a start tag from just after its name; `end` is just past its `>`. */
function readTag(source: string, from: number): { attributes: Map<string, string>; end: number } {
  const attributes = new Map<string, string>();
  const pattern = /\s*(?:(\/?>)|([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?|\/)/y;
  pattern.lastIndex = from;
  while (pattern.lastIndex < source.length) {
    const match = pattern.exec(source);
    if (match === null) {
      pattern.lastIndex += 1;
      continue;
    }
    if (match[1] !== undefined) return { attributes, end: pattern.lastIndex };
    const name = match[2]?.toLowerCase();
    // The first occurrence of an attribute wins, as in the browser.
    if (name !== undefined && !attributes.has(name))
      attributes.set(name, decodeEntities(match[3] ?? match[4] ?? match[5] ?? ''));
  }
  return { attributes, end: source.length };
}

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(value: string): string {
  return value.replace(/&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));/gi, (whole, dec?: string, hex?: string, named?: string) => {
    const code = dec !== undefined ? Number(dec) : hex !== undefined ? Number.parseInt(hex, 16) : undefined;
    if (code !== undefined) return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
    return NAMED[named?.toLowerCase() ?? ''] ?? whole;
  });
}
