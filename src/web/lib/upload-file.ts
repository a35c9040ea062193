import type { FilePurpose, FileView } from '../../contracts/files';
import { apiErrorFromResponse, apiLanguage, networkError } from './api-client';

export interface UploadOptions {
  /** 0–100 while the bytes go up; a rural uplink can take a while for a PDF scan. */
  onProgress?: (percent: number) => void;
  signal?: AbortSignal;
}

/** Where an uploaded file is read back; private purposes answer only the owner and reviewers. */
export function fileUrl(id: string): string {
  return `/api/v1/files/${encodeURIComponent(id)}`;
}

/** Scans and photos: the server keeps JPEG/PNG (WebP is re-encoded) and, for documents, PDF. */
export const imageAccept = 'image/jpeg,image/png,image/webp,.jpg,.jpeg,.png,.webp';
export const documentAccept = `${imageAccept},application/pdf,.pdf`;

export function isImageType(contentType: string | null | undefined): boolean {
  return contentType?.startsWith('image/') ?? false;
}

/**
 * Uploads one file as multipart/form-data. XHR rather than fetch because fetch cannot report
 * upload progress. `purpose` goes before `file`: the server reads the fields in order and must
 * know the purpose before it decides what to accept. Errors are the same ApiError as any call.
 */
export function uploadFile(purpose: FilePurpose, file: Blob, options: UploadOptions = {}): Promise<FileView> {
  const { onProgress, signal } = options;
  return new Promise<FileView>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DOMException('Upload aborted', 'AbortError'));
      return;
    }
    const form = new FormData();
    form.append('purpose', purpose);
    form.append('file', file, file instanceof File ? file.name : 'upload');

    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/files');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', apiLanguage());
    const onAbort = () => xhr.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => signal?.removeEventListener('abort', onAbort);

    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && onProgress) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      done();
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as FileView);
        } catch {
          reject(apiErrorFromResponse(500, ''));
        }
      } else {
        reject(apiErrorFromResponse(xhr.status, xhr.responseText));
      }
    };
    xhr.onerror = () => {
      done();
      reject(networkError());
    };
    xhr.onabort = () => {
      done();
      reject(new DOMException('Upload aborted', 'AbortError'));
    };
    xhr.send(form);
  });
}
