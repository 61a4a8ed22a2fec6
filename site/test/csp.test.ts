import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP_MANIFEST_FILE, writeCspManifest } from '../src/build/csp-manifest.js';
import { cspHash, inlineHashesOf } from '../src/build/inline-hashes.js';
import { createEdgeServer } from '../src/edge/edge-server.js';
import { securityHeaders } from '../src/edge/headers.js';
import { tenantResolver } from '../src/edge/tenant-resolver.js';
import { knownStorefronts } from './support/known-storefronts.js';
import { rawGet } from './support/raw-get.js';

const sha = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const directives = (csp: string): Map<string, string[]> =>
  new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name = '', ...sources]) => [name, sources]),
  );

describe('inline code hashes of a built page', () => {
  const page = [
    '<!doctype html><html><head>',
    '<style>:root{--brand:#1d3557}</style>',
    '<script type="application/ld+json">{"@type":"Product"}</script>',
    '<!-- <script>commented out</script> -->',
    '<script type="module" src="/_astro/page.js"></script>',
    '<script>(()=>{var a="</p>";})()</script>',
    '<script type="module">import "/_astro/x.js";</script>',
    '</head><body><div title="a > b" style="color:&quot;red&quot;">',
    '<astro-island props="{&quot;a&quot;:&quot;&lt;script&gt;&quot;}"></astro-island>',
    '<SCRIPT TYPE="text/javascript">x()\r\n</SCRIPT>',
    '<style media="print">body{color:#000}</style><style>:root{--brand:#1d3557}</style>',
    '</div></body></html>',
  ].join('');

  it('hashes scripts that run, style elements and style attributes as the browser sees them, once each', () => {
    expect(inlineHashesOf(page)).toEqual({
      scripts: [sha('(()=>{var a="</p>";})()'), sha('import "/_astro/x.js";'), sha('x()\n')],
      styles: [sha(':root{--brand:#1d3557}'), sha('body{color:#000}')],
      styleAttributes: [sha('color:"red"')],
    });
    expect(cspHash('')).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
  });

  it('finds nothing in a page without inline code', () => {
    expect(inlineHashesOf('<html><body><p>Hi</p><script src="/a.js"></script></body></html>')).toEqual({
      scripts: [],
      styles: [],
      styleAttributes: [],
    });
  });
});

describe('CSP header', () => {
  it('has no unsafe-inline and allows exactly the page’s hashes, Stripe and the API', () => {
    const csp = directives(
      securityHeaders({
        https: false,
        apiOrigin: 'http://127.0.0.1:3000',
        inline: { scripts: ["'sha256-AAAA'"], styles: ["'sha256-BBBB'"], styleAttributes: [] },
      })['content-security-policy'] ?? '',
    );
    expect(csp.get('script-src')).toEqual([
      "'self'",
      'https://js.stripe.com',
      'https://*.js.stripe.com',
      "'sha256-AAAA'",
    ]);
    expect(csp.get('style-src')).toEqual(["'self'", "'sha256-BBBB'"]);
    expect(csp.has('style-src-attr')).toBe(false);
    expect(csp.get('connect-src')).toEqual(["'self'", 'http://127.0.0.1:3000', 'https://api.stripe.com']);
    expect(csp.get('frame-src')).toEqual([
      'https://js.stripe.com',
      'https://*.js.stripe.com',
      'https://hooks.stripe.com',
    ]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'https://*.stripe.com']);
    expect([...csp.values()].flat()).not.toContain("'unsafe-inline'");
  });

  it('allows style attributes only by hash, and no inline code at all without a manifest entry', () => {
    const withAttributes = directives(
      securityHeaders({ https: false, inline: { scripts: [], styles: [], styleAttributes: ["'sha256-CCCC'"] } })[
        'content-security-policy'
      ] ?? '',
    );
    expect(withAttributes.get('style-src-attr')).toEqual(["'unsafe-hashes'", "'sha256-CCCC'"]);
    const strict = directives(securityHeaders({ https: false })['content-security-policy'] ?? '');
    expect(strict.get('script-src')).toEqual(["'self'", 'https://js.stripe.com', 'https://*.js.stripe.com']);
    expect(strict.get('style-src')).toEqual(["'self'"]);
  });
});

describe('edge over a build with a CSP manifest', () => {
  let dist: string;
  let server: ReturnType<typeof createEdgeServer>;
  let port: number;
  const home =
    '<html><head><style>h1{color:red}</style></head><body><h1>home</h1><script>boot()</script></body></html>';
  const product = '<html><body><h1>product</h1><script>other()</script></body></html>';

  beforeAll(async () => {
    dist = await mkdtemp(path.join(tmpdir(), 'fanfare-csp-'));
    const root = path.join(dist, 'aurora');
    await mkdir(path.join(root, 'products', 'x'), { recursive: true });
    await writeFile(path.join(root, 'index.html'), home);
    await writeFile(path.join(root, 'products', 'x', 'index.html'), product);
    await writeFile(path.join(root, '404.html'), home);
    await writeFile(path.join(root, 'app.js'), 'boot()');
    await writeCspManifest(root);
    server = createEdgeServer({
      distDir: dist,
      resolveTenant: tenantResolver(
        { platformDomain: 'fanfare.test', production: false },
        knownStorefronts(['aurora', 'inkwell']),
      ),
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(dist, { recursive: true, force: true });
  });

  const csp = async (urlPath: string): Promise<Map<string, string[]>> =>
    directives(String((await rawGet(port, urlPath, 'aurora.localhost')).headers['content-security-policy']));

  it('sends each page the hashes of its own inline code, the 404 page included', async () => {
    expect((await csp('/')).get('script-src')).toContain(sha('boot()'));
    expect((await csp('/')).get('style-src')).toContain(sha('h1{color:red}'));
    expect((await csp('/products/x/')).get('script-src')).toEqual([
      "'self'",
      'https://js.stripe.com',
      'https://*.js.stripe.com',
      sha('other()'),
    ]);
    expect((await csp('/nope/')).get('script-src')).toContain(sha('boot()'));
    expect((await csp('/app.js')).get('script-src')).toEqual([
      "'self'",
      'https://js.stripe.com',
      'https://*.js.stripe.com',
    ]);
  });

  it('never serves the manifest, and picks up a rebuilt one', async () => {
    expect((await rawGet(port, `/${CSP_MANIFEST_FILE}`, 'aurora.localhost')).status).toBe(404);
    await writeFile(path.join(dist, 'aurora', 'index.html'), home.replace('boot()', 'boot(2)'));
    await writeCspManifest(path.join(dist, 'aurora'));
    expect((await csp('/')).get('script-src')).toContain(sha('boot(2)'));
  });
});
