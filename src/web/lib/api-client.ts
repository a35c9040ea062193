import type { ErrorBody } from '../../contracts/errors';
import { i18n } from '../i18n';

export interface ApiFieldError {
  path: string;
  message: string;
}

/** Every failed API call surfaces as this, already carrying a message in the UI language. */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly code: string;
  readonly status: number;
  readonly fields: ApiFieldError[];
  readonly requestId: string | undefined;
  /** Structured detail some codes carry, e.g. `{ violations }` for BANNED_CLAIM; callers narrow it. */
  readonly details: unknown;

  constructor(init: { code: string; message: string; status: number; fields?: ApiFieldError[]; requestId?: string; details?: unknown }) {
    super(init.message);
    this.code = init.code;
    this.status = init.status;
    this.fields = init.fields ?? [];
    this.requestId = init.requestId;
    this.details = init.details;
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  /** Extra request headers, e.g. `idempotency-key`; they cannot replace the ones set here. */
  headers?: Record<string, string>;
}

const API_BASE = '/api/v1';

function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

/** The UI language as the server expects it in `accept-language`. */
export function apiLanguage(): string {
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

/** The error a failed fetch (no answer at all) surfaces as. */
export function networkError(): ApiError {
  return new ApiError({ code: 'NETWORK', status: 0, message: i18n.t('common.networkError') });
}

/**
 * Turns a failed answer into an ApiError; shared by JSON calls and uploads (multipart, XHR),
 * so every caller gets the same codes, field errors and fallback messages.
 */
export function apiErrorFromResponse(status: number, bodyText: string): ApiError {
  let data: unknown = undefined;
  try {
    data = bodyText ? JSON.parse(bodyText) : undefined;
  } catch {
    data = undefined;
  }
  if (isErrorBody(data)) {
    return new ApiError({
      code: data.error.code,
      message: data.error.message,
      status,
      fields: data.error.fields,
      requestId: data.error.requestId,
      details: data.error.details,
    });
  }
  // A proxy or a stopped node answers without our error body; still say something useful.
  return new ApiError({
    code: status >= 500 ? 'INTERNAL' : 'HTTP_ERROR',
    status,
    message: i18n.t(status >= 500 ? 'common.serverUnavailable' : 'common.requestFailed'),
  });
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    ...options.headers,
    accept: 'application/json',
    'accept-language': apiLanguage(),
  };
  let body: string | undefined;
  if (method !== 'GET') {
    headers['content-type'] = 'application/json';
    // Fastify refuses an empty body declared as JSON, so body-less commands send `{}`.
    body = JSON.stringify(options.body ?? {});
  }

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw networkError();
  }

  const text = await response.text();
  if (!response.ok) throw apiErrorFromResponse(response.status, text);
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PATCH', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
};
