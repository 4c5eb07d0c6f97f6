import createClient, { type Middleware } from 'openapi-fetch';
import { accessToken, sessionExpired } from '../auth/session';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];

/** What the API said when it refused a request, in the form the console shows it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** 400: each field the API named, with its message. */
    readonly fields: { field: string; message: string }[] = [],
    /** 409: the domain rule that refused the change (e.g. acceptance-mandate). */
    readonly rule?: string,
    /** 409 on a stale If-Match: the version the record has now. */
    readonly currentVersion?: number,
    /** 403: the roles that would be allowed, and those the caller holds. */
    readonly roles?: { required: string[]; held: string[] },
    /** 409 on a rule: what the rule weighed (e.g. the level and who may accept it). */
    readonly facts?: Record<string, unknown>,
  ) {
    super(message);
  }

  /** `parsed`: the body openapi-fetch already read (a read body cannot be cloned and read again). */
  static async from(response: Response, parsed?: unknown): Promise<ApiError> {
    const body = (
      parsed !== null && typeof parsed === 'object'
        ? parsed
        : response.bodyUsed
          ? {}
          : await response
              .clone()
              .json()
              .catch(() => ({}))
    ) as Record<string, unknown>;
    const message = typeof body.message === 'string' ? body.message : response.statusText;
    const fields = Array.isArray(body.fields)
      ? (body.fields as { field: string; message: string }[])
      : typeof body.field === 'string'
        ? [{ field: body.field, message }]
        : [];
    return new ApiError(
      response.status,
      message,
      fields,
      typeof body.rule === 'string' ? body.rule : undefined,
      typeof body.currentVersion === 'number' ? body.currentVersion : undefined,
      isTextList(body.requiredRoles) && isTextList(body.heldRoles)
        ? { required: body.requiredRoles, held: body.heldRoles }
        : undefined,
      body.facts !== null && typeof body.facts === 'object'
        ? (body.facts as Record<string, unknown>)
        : undefined,
    );
  }
}

const isTextList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

const bearer: Middleware = {
  onRequest({ request }) {
    const token = accessToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401) sessionExpired();
    return response;
  },
};

/** The one client of the API: typed from its OpenAPI document, same origin, bearer token. */
export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(bearer);

/** The data of an answer, or its refusal as an ApiError (so that TanStack Query sees it). */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw await ApiError.from(response, error);
  return data as T;
}

/** `If-Match` for a record last seen at `version` (409 when someone changed it since). */
export function ifMatch(version: number): { 'If-Match': string } {
  return { 'If-Match': `"${version}"` };
}
