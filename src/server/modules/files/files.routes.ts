import type { Readable } from 'node:stream';
// For the types of request.parts() and multipartErrors, which the plugin registered in app.ts adds.
import type {} from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { Value } from 'typebox/value';
import { IdParams } from '../../../contracts/common';
import { ErrorBody } from '../../../contracts/errors';
import { FilePurpose, FileView } from '../../../contracts/files';
import { DomainError, ValidationError } from '../../infra/errors';
import { requireActor } from '../../infra/http/auth';
import type { FileService } from './file.service';
import { UploadMissingFileError, UploadTooLargeError } from './files.errors';

const errors = { '4xx': ErrorBody };
const Binary = { schema: Type.Unsafe<Readable>({ type: 'string', format: 'binary' }) };
const purposeList = FilePurpose.anyOf.map((literal) => literal.const).join(', ');

/**
 * Reads `purpose` and then the one `file` part, holding at most `maxBytes` of it: busboy stops
 * counting into memory at the limit, so an oversized upload costs bandwidth, never memory.
 * Parts are taken in order, so the purpose is known before a byte of the file is kept.
 */
async function readUploadForm(req: FastifyRequest, maxBytes: number): Promise<{ purpose: FilePurpose; data: Buffer }> {
  if (!req.isMultipart()) throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 415);
  let purpose: unknown;
  try {
    for await (const part of req.parts({ limits: { fileSize: maxBytes, files: 1, fields: 4, fieldSize: 1024, parts: 6 } })) {
      if (part.type === 'field') {
        if (part.fieldname === 'purpose') purpose = part.value;
        continue;
      }
      if (part.fieldname !== 'file' || !Value.Check(FilePurpose, purpose)) {
        part.file.resume(); // drain, so the request ends and the socket is not left half-read
        throw part.fieldname !== 'file'
          ? new UploadMissingFileError()
          : new ValidationError([{ path: '/purpose', message: `must be one of ${purposeList}, sent before the file` }]);
      }
      return { purpose, data: await part.toBuffer() };
    }
  } catch (err) {
    if (err instanceof req.server.multipartErrors.RequestFileTooLargeError) throw new UploadTooLargeError(maxBytes);
    // busboy's own complaints (no boundary, broken part headers) carry no status: the client sent garbage.
    if (err instanceof Error && !(err instanceof DomainError) && !('statusCode' in err)) {
      throw new ValidationError([{ path: '/', message: 'malformed multipart body' }]);
    }
    throw err;
  }
  throw new UploadMissingFileError();
}

export const filesRoutes: FastifyPluginAsyncTypebox<{ files: FileService }> = async (app, { files }) => {
  app.post(
    '/files',
    {
      schema: {
        tags: ['files'],
        summary: '上传图片或 PDF Upload an image or PDF',
        description: 'multipart/form-data: the text field `purpose` first, then one file field `file`. The type is detected from the bytes.',
        consumes: ['multipart/form-data'],
        body: Type.Object({ purpose: FilePurpose, file: Type.String({ format: 'binary' }) }),
        response: { 201: FileView, ...errors },
      },
      // In stream mode the body is never parsed into an object: the schema above documents the form
      // for OpenAPI, and readUploadForm checks the parts as they arrive.
      validatorCompiler: () => () => true,
    },
    async (req, reply) => {
      const { purpose, data } = await readUploadForm(req, files.maxBytes);
      return reply.status(201).send(await files.upload(requireActor(req).userId, purpose, data));
    },
  );

  app.get(
    '/files/:id',
    {
      // Public purposes are shown on product pages to anyone; the service guards private ones.
      config: { public: true },
      schema: {
        tags: ['files'],
        summary: '读取文件 The stored bytes',
        params: IdParams,
        response: {
          200: { description: 'The file', content: { 'image/jpeg': Binary, 'image/png': Binary, 'application/pdf': Binary } },
          ...errors,
        },
      },
    },
    async (req, reply) => {
      const file = await files.open(req.actor, req.params.id);
      // Content never changes under an id, so public files can be cached anywhere for good.
      return reply
        .header('content-type', file.contentType)
        .header('content-length', file.bytes)
        .header('cache-control', file.isPublic ? 'public, max-age=31536000, immutable' : 'private')
        .header('x-content-type-options', 'nosniff')
        .send(file.stream);
    },
  );
};
