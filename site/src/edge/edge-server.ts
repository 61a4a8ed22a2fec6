import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';
import { isApiPath, proxyToApi } from './api-proxy.js';
import { chooseEncoding, isCompressible } from './compression.js';
import { cacheControlOf, securityHeaders, type HeaderOptions } from './headers.js';
import { pageHashes, type PageHashes } from './page-hashes.js';
import { contentTypeOf, resolveStaticFile } from './static-files.js';
import type { TenantResolver } from './tenant-resolver.js';

/** What the local edge serves. */
export interface EdgeOptions {
  /** `dist/` with one folder per storefront handle. */
  distDir: string;
  resolveTenant: TenantResolver;
  /** Origin of the API, allowed in the CSP's connect-src. */
  apiOrigin?: string;
  /** Where `/v1/*` is forwarded (same-origin API for the islands); not forwarded when absent. */
  apiUpstream?: string;
  /** The API's `API_BODY_LIMIT_BYTES`: the edge sends no more of a body than the API would read. */
  apiBodyLimitBytes?: number;
  /** Believe `X-Forwarded-Proto: https` (behind a TLS-terminating proxy such as Caddy). */
  trustForwardedProto?: boolean;
}

/**
 * The local stand-in for CloudFront: maps the Host header to a storefront's folder and serves
 * only that folder, with security headers, compression, correct types and real 404s.
 */
export function createEdgeServer(options: EdgeOptions): Server {
  const hashes = pageHashes();
  return createServer((request, response) => {
    handle(options, hashes, request, response).catch(() => {
      if (!response.headersSent) send(response, 500, 'Internal error', {});
      else response.destroy();
    });
  });
}

async function handle(
  options: EdgeOptions,
  hashes: PageHashes,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const https =
    (request.socket as Partial<TLSSocket>).encrypted === true ||
    (options.trustForwardedProto === true && request.headers['x-forwarded-proto'] === 'https');
  const base: HeaderOptions = { https, ...(options.apiOrigin === undefined ? {} : { apiOrigin: options.apiOrigin }) };
  const headers = securityHeaders(base);
  // A page's policy carries the hashes of its own inline scripts and styles, as its build listed them.
  const pageHeaders = async (root: string, file: string): Promise<Record<string, string>> => {
    const inline = file.endsWith('.html') ? await hashes(root, file) : undefined;
    return inline === undefined ? headers : securityHeaders({ ...base, inline });
  };
  const rawPath = (request.url ?? '/').split('?')[0] ?? '/';
  if (options.apiUpstream !== undefined && isApiPath(request.url ?? '/')) {
    proxyToApi(new URL(options.apiUpstream), request, response, https, options.apiBodyLimitBytes);
    return;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    send(response, 405, 'Method not allowed', { ...headers, allow: 'GET, HEAD' });
    return;
  }
  let handle: string | undefined;
  try {
    handle = request.headers.host === undefined ? undefined : await options.resolveTenant(request.headers.host);
  } catch {
    // The API that says which storefront a host is could not answer: a moment's outage, not a 404.
    send(response, 503, 'The storefront is briefly unavailable; try again in a moment.', {
      ...headers,
      'retry-after': '5',
    });
    return;
  }
  const root = handle === undefined ? undefined : path.join(options.distDir, handle);
  if (root === undefined || !(await stat(root).catch(() => undefined))?.isDirectory()) {
    send(response, 404, 'No storefront at this address.', headers);
    return;
  }
  // `rawPath` is the raw path, not a URL-normalized one: `..` must be refused, never silently resolved.
  const file = await resolveStaticFile(root, rawPath);
  if (file !== undefined) {
    await serveFile(request, response, file, 200, {
      ...(await pageHeaders(root, file)),
      'cache-control': cacheControlOf(rawPath),
    });
    return;
  }
  const notFound = path.join(root, '404.html');
  if ((await stat(notFound).catch(() => undefined))?.isFile()) {
    await serveFile(request, response, notFound, 404, {
      ...(await pageHeaders(root, notFound)),
      'cache-control': 'no-cache',
    });
  } else {
    send(response, 404, 'Not found', headers);
  }
}

async function serveFile(
  request: IncomingMessage,
  response: ServerResponse,
  file: string,
  status: number,
  headers: Record<string, string>,
): Promise<void> {
  const type = contentTypeOf(file);
  const encoding = isCompressible(type) ? chooseEncoding(request.headers['accept-encoding']) : 'identity';
  const info = await stat(file);
  response.writeHead(status, {
    ...headers,
    'content-type': type,
    vary: 'Accept-Encoding',
    'last-modified': info.mtime.toUTCString(),
    ...(encoding === 'identity' ? { 'content-length': String(info.size) } : { 'content-encoding': encoding }),
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  const source = createReadStream(file);
  if (encoding === 'br')
    await pipeline(source, createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }), response);
  else if (encoding === 'gzip') await pipeline(source, createGzip(), response);
  else await pipeline(source, response);
}

function send(response: ServerResponse, status: number, text: string, headers: Record<string, string>): void {
  response.writeHead(status, { ...headers, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  response.end(text);
}
