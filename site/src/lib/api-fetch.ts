/**
 * What an island gets back from the API: the parsed body, or the refusal in the API's error
 * shape (`{ error: { code, message, details } }`); status 0 and code `offline` when no answer
 * came at all.
 */
export type ApiResult<T> =
  | { ok: true; status: number; body: T }
  | {
      ok: false;
      status: number;
      code: string;
      message: string;
      details: Record<string, unknown>;
      retryAfterSeconds: number | null;
    };

/** The `fetch` islands use; tests pass their own. */
export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** A request to the same-origin API (the edge, or CloudFront, forwards `/v1/*`). */
export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  token?: string | null;
  signal?: AbortSignal;
}

const retryAfterOf = (response: Response, details: Record<string, unknown>): number | null => {
  const header = Number(response.headers.get('retry-after'));
  if (Number.isFinite(header) && header > 0) return header;
  const detail = details.retryAfterSeconds;
  return typeof detail === 'number' && detail > 0 ? detail : null;
};

/** Calls the API and reads its answer; never throws for an HTTP status or a lost connection. */
export async function apiFetch<T>(
  path: string,
  request: ApiRequest = {},
  fetcher: Fetch = (i, init) => fetch(i, init),
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  if (request.token) headers.authorization = `Bearer ${request.token}`;
  let response: Response;
  try {
    response = await fetcher(path, {
      method: request.method ?? 'GET',
      headers,
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      ...(request.signal === undefined ? {} : { signal: request.signal }),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    return {
      ok: false,
      status: 0,
      code: 'offline',
      message: 'No connection to the store',
      details: {},
      retryAfterSeconds: null,
    };
  }
  let parsed: unknown = null;
  try {
    parsed = await response.json();
  } catch {
    // A proxy's HTML error page or an empty body: the status alone says what happened.
  }
  if (response.ok) return { ok: true, status: response.status, body: parsed as T };
  const error = (parsed as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  const details =
    typeof error?.details === 'object' && error.details !== null ? (error.details as Record<string, unknown>) : {};
  return {
    ok: false,
    status: response.status,
    code: typeof error?.code === 'string' ? error.code : `http_${response.status}`,
    message: typeof error?.message === 'string' ? error.message : response.statusText,
    details,
    retryAfterSeconds: retryAfterOf(response, details),
  };
}
