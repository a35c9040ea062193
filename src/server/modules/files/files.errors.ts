import { DomainError, NotFoundError } from '../../infra/errors';

export class UploadMissingFileError extends DomainError {
  constructor() {
    super('UPLOAD_MISSING_FILE', 400, {}, [{ path: '/file', message: 'required' }]);
  }
}
export class UploadTooLargeError extends DomainError {
  constructor(maxBytes: number) {
    super('UPLOAD_TOO_LARGE', 413, { maxMb: Number((maxBytes / 2 ** 20).toPrecision(3)) });
  }
}
export class UploadTypeNotAllowedError extends DomainError {
  constructor(found: string, allowed: string[]) {
    super('UPLOAD_TYPE_NOT_ALLOWED', 415, { found, allowed: allowed.join(', ') });
  }
}
export class UploadImageTooLargeError extends DomainError {
  constructor(width: number, height: number, maxPixels: number) {
    super('UPLOAD_IMAGE_TOO_LARGE', 422, { width, height, maxMegapixels: Math.floor(maxPixels / 1e6) });
  }
}
export class UploadUnreadableError extends DomainError {
  constructor() {
    super('UPLOAD_UNREADABLE', 422);
  }
}
export class FileNotFoundError extends NotFoundError {
  constructor() {
    super('FILE_NOT_FOUND');
  }
}
export class FileNotUsableError extends DomainError {
  constructor(id: string) {
    super('FILE_NOT_USABLE', 422, { id });
  }
}
