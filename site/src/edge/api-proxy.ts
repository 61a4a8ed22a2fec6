import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';

/** Whether a request path belongs to the API (`/v1` and below), which the edge forwards. */
export function isApiPath(rawPath: string): boolean {
  return rawPath === '/v1' || rawPath.startsWith('/v1/') || rawPath.startsWith('/v1?');
}

/**
 * Forwards a request to the API, keeping the buyer's Host header so that the API resolves the
 * same tenant the storefront belongs to (as CloudFront's `/v1/*` behaviour does in production),
 * and islands call the API same-origin.
 */
export function proxyToApi(upstream: URL, request: IncomingMessage, response: ServerResponse, https: boolean): void {
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
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    },
  );
  forwarded.on('error', () => {
    if (!response.headersSent) {
      response.writeHead(502, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { code: 'api_unreachable', message: 'The API is not reachable.' } }));
    } else response.destroy();
  });
  request.pipe(forwarded);
}
