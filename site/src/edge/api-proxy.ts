import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';

/** Whether a request path belongs to the API (`/v1` and below), which the edge forwards. */
export function isApiPath(rawPath: string): boolean {
  return rawPath === '/v1' || rawPath.startsWith('/v1/') || rawPath.startsWith('/v1?');
}

/** The API's default `API_BODY_LIMIT_BYTES`. */
const DEFAULT_API_BODY_LIMIT_BYTES = 1_048_576;

/**
 * Forwards a request to the API, keeping the buyer's Host header so that the API resolves the
 * same tenant the storefront belongs to (as CloudFront's `/v1/*` behaviour does in production),
 * and islands call the API same-origin.
 *
 * The API may answer before it has read the body (413 for a body over its limit, decided from
 * Content-Length) and then close the connection. Writing on after that races the answer: a
 * write that fails first tears the socket down before the answer is parsed, and the buyer got
 * 502 instead of 413. So the edge never sends more than `bodyLimitBytes + 1` bytes (none when
 * Content-Length already exceeds the limit), and once the answer arrives it stops sending and
 * passes the answer through.
 */
export function proxyToApi(
  upstream: URL,
  request: IncomingMessage,
  response: ServerResponse,
  https: boolean,
  bodyLimitBytes = DEFAULT_API_BODY_LIMIT_BYTES,
): void {
  let answered = false;
  const forwarded = httpRequest(
    {
      host: upstream.hostname,
      port: upstream.port || 80,
      method: request.method,
      path: request.url,
      headers: {
        ...request.headers,
        'x-forwarded-host': request.headers.host ?? '',
        'x-forwarded-proto': https ? 'https' : 'http',
        'x-forwarded-for': request.socket.remoteAddress ?? '',
      },
    },
    (answer) => {
      answered = true;
      const early = !request.complete;
      // The rest of an unread body is dropped, and the connection closed after the answer.
      response.writeHead(answer.statusCode ?? 502, early ? { ...answer.headers, connection: 'close' } : answer.headers);
      answer.on('error', () => response.destroy());
      answer.pipe(response);
      response.on('finish', () => {
        if (early) forwarded.destroy();
      });
      request.resume();
    },
  );
  forwarded.on('error', () => {
    if (answered) return;
    if (!response.headersSent) {
      response.writeHead(502, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { code: 'api_unreachable', message: 'The API is not reachable.' } }));
    } else response.destroy();
  });
  const declared = Number(request.headers['content-length'] ?? 0);
  let sent = declared > bodyLimitBytes ? bodyLimitBytes + 1 : 0;
  if (sent > 0) forwarded.flushHeaders();
  request.on('data', (chunk: Buffer) => {
    const room = bodyLimitBytes + 1 - sent;
    if (answered || room <= 0) return;
    const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
    sent += part.length;
    if (!forwarded.write(part)) {
      request.pause();
      forwarded.once('drain', () => request.resume());
    }
  });
  request.on('end', () => {
    if (!answered && sent <= bodyLimitBytes) forwarded.end();
  });
}
