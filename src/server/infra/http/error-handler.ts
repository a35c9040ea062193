import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import localizeZh from 'ajv-i18n/localize/zh/index.js';
import { formatErrorMessage, type ErrorCode, type Locale } from '../../../contracts/errors';
import { DomainError, RateLimitedError, type FieldError } from '../errors';

interface AjvIssue {
  instancePath: string;
  message?: string;
  keyword: string;
  params: Record<string, unknown>;
}

function fieldsFromValidation(raw: AjvIssue[], locale: Locale): FieldError[] {
  // Copies, because ajv-i18n rewrites messages in place and the originals belong to the request's error.
  const issues = raw.map((issue) => ({ ...issue }));
  if (locale === 'zh-CN') localizeZh(issues as Parameters<typeof localizeZh>[0]);
  const seen = new Set<string>();
  const fields: FieldError[] = [];
  for (const issue of issues) {
    let path = issue.instancePath || '/';
    if (issue.keyword === 'required') path = `${issue.instancePath}/${String(issue.params.missingProperty)}`;
    if (issue.keyword === 'additionalProperties') {
      path = `${issue.instancePath}/${String(issue.params.additionalProperty)}`;
    }
    const unknownField = locale === 'en' ? 'unknown field' : '不允许的字段';
    const message = issue.keyword === 'additionalProperties' ? unknownField : (issue.message ?? issue.keyword);
    const key = `${path}:${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    fields.push({ path, message });
  }
  return fields;
}

/** Fastify's own client errors, mapped onto the same closed list of codes as domain errors. */
const frameworkCodes: Record<string, { code: ErrorCode; status: number }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'MALFORMED_JSON', status: 400 },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'MALFORMED_JSON', status: 400 },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'PAYLOAD_TOO_LARGE', status: 413 },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE', status: 415 },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'VALIDATION_FAILED', status: 400 },
};

function send(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: ErrorCode,
  params: Record<string, string | number> = {},
  fields?: FieldError[],
  details?: unknown,
) {
  return reply.status(status).send({
    error: {
      code,
      message: formatErrorMessage(code, request.locale, params),
      ...(fields?.length ? { fields } : {}),
      ...(details !== undefined ? { details } : {}),
      requestId: request.id,
    },
  });
}

/** The one place where failures become HTTP: a code, a message in the reader's language, never a stack. */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError) {
      if (error instanceof RateLimitedError) reply.header('retry-after', String(error.retryAfterSeconds));
      return send(request, reply, error.status, error.code, error.params, error.fields, error.details);
    }
    if (error.validation) {
      return send(request, reply, 400, 'VALIDATION_FAILED', {}, fieldsFromValidation(error.validation as AjvIssue[], request.locale));
    }
    const mapped = error.code ? frameworkCodes[error.code] : undefined;
    if (mapped) return send(request, reply, mapped.status, mapped.code);
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      request.log.info({ err: error }, 'client error');
      const code: ErrorCode =
        error.statusCode === 404 ? 'NOT_FOUND' : error.statusCode === 413 ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION_FAILED';
      return send(request, reply, error.statusCode, code);
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(request, reply, 500, 'INTERNAL');
  });
}

export function sendNotFound(request: FastifyRequest, reply: FastifyReply) {
  return send(request, reply, 404, 'NOT_FOUND');
}
