/**
 * The one way the web app talks to the server: same-origin fetch with the session cookie, the
 * CSRF header on writes, and the API's error shape turned into an ApiError whose message is
 * the server's plain-words `error.message`.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;
/** The interface's language, sent as Accept-Language so that the server's errors come back in it. */
let requestLanguage = 'zh-CN';
export const setRequestLanguage = (lang: 'zh' | 'en') => {
  requestLanguage = lang === 'en' ? 'en' : 'zh-CN';
};
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};

/** Fired when the session is gone, so the app can send the user to the login page. */
export const UNAUTHORIZED_EVENT = 'mashang:unauthorized';

export type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];

/** `?a=1&b=x,y` from an object; empty values are left out. */
export function queryString(query: Record<string, QueryValue> = {}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    p.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** The error a failed response stands for, in the API's words when it gave any. */
export function errorFrom(status: number, body: unknown): ApiError {
  const e = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  if (e && typeof e.message === 'string') return new ApiError(status, typeof e.code === 'string' ? e.code : 'ERROR', e.message, e.details);
  if (status === 0) return new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络 (cannot reach the server).');
  return new ApiError(status, 'HTTP_' + status, `服务器返回 ${status} (the server answered ${status}).`);
}

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Raw bytes (uploads); `contentType` says what they are. */
  raw?: Blob | ArrayBuffer;
  contentType?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': requestLanguage, ...opts.headers };
  let body: BodyInit | undefined;
  if (opts.raw !== undefined) {
    body = opts.raw;
    headers['content-type'] = opts.contentType ?? 'application/octet-stream';
  } else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['content-type'] = 'application/json';
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(`${path}${queryString(opts.query)}`, { method, headers, body: body ?? null, credentials: 'same-origin', signal: opts.signal ?? null });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw errorFrom(0, null);
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!res.ok) {
    const error = errorFrom(res.status, json);
    if (res.status === 401 && !path.endsWith('/auth/login')) window.dispatchEvent(new CustomEvent(UNAUTHORIZED_EVENT));
    throw error;
  }
  return json as T;
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) => request<T>('GET', path, { ...(query ? { query } : {}), ...(signal ? { signal } : {}) }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body === undefined ? {} : { body }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body === undefined ? {} : { body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  del: <T>(path: string) => request<T>('DELETE', path),
  upload: <T>(path: string, file: File, contentType = 'application/octet-stream') =>
    request<T>('POST', path, { raw: file, contentType, headers: { 'x-file-name': encodeURIComponent(file.name) } }),
};
