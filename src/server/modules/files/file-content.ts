import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import type { FilePurpose } from '../../../contracts/files';
import { UploadImageTooLargeError, UploadTypeNotAllowedError, UploadUnreadableError } from './files.errors';

/**
 * A 50-megapixel phone photo at full resolution (8192×6144) still fits; anything claiming more
 * is refused from its header, before a decompression bomb can be decoded into memory.
 */
export const maxInputPixels = 8192 * 6144;
/** Long edge after resizing: sharp on any phone screen, and a few hundred KB per photo. */
const longEdge = 2048;

const imageTypes = new Set(['image/jpeg', 'image/png', 'image/webp']);
/** Reports and scans are often PDFs from the lab or the certifier; photos of goods never are. */
const pdfPurposes = new Set<FilePurpose>(['inspection_report', 'certificate_scan', 'evidence']);

export interface PreparedContent {
  contentType: 'image/jpeg' | 'image/png' | 'application/pdf';
  data: Buffer;
  width: number | null;
  height: number | null;
}

/**
 * Decides what an upload really is from its bytes (the declared name and type are the
 * sender's word, not evidence) and turns it into what is stored.
 */
export async function prepareContent(purpose: FilePurpose, data: Buffer): Promise<PreparedContent> {
  const found = (await fileTypeFromBuffer(data))?.mime ?? 'unknown';
  if (imageTypes.has(found)) return reencodeImage(data);
  if (found === 'application/pdf' && pdfPurposes.has(purpose)) {
    if (data.subarray(0, 5).toString('latin1') !== '%PDF-') throw new UploadUnreadableError();
    return { contentType: 'application/pdf', data, width: null, height: null };
  }
  throw new UploadTypeNotAllowedError(found, pdfPurposes.has(purpose) ? ['JPEG', 'PNG', 'WebP', 'PDF'] : ['JPEG', 'PNG', 'WebP']);
}

/**
 * Decoding and encoding again is what makes an image safe to serve: EXIF (GPS of a farmer's
 * home), ICC profiles and anything hidden after the pixels are left behind. Images with an
 * alpha channel stay PNG so cut-out product shots keep their transparency; all others become
 * JPEG, which every phone and old WebView shows.
 */
async function reencodeImage(data: Buffer): Promise<PreparedContent> {
  const header = await sharp(data, { limitInputPixels: false })
    .metadata()
    .catch(() => {
      throw new UploadUnreadableError();
    });
  if (!header.width || !header.height) throw new UploadUnreadableError();
  if (header.width * header.height > maxInputPixels) {
    throw new UploadImageTooLargeError(header.width, header.height, maxInputPixels);
  }
  const pipeline = sharp(data, { limitInputPixels: maxInputPixels })
    .autoOrient()
    .resize({ width: longEdge, height: longEdge, fit: 'inside', withoutEnlargement: true });
  const encoded = header.hasAlpha ? pipeline.png() : pipeline.jpeg({ quality: 82, mozjpeg: true });
  const { data: output, info } = await encoded.toBuffer({ resolveWithObject: true }).catch(() => {
    throw new UploadUnreadableError();
  });
  return { contentType: header.hasAlpha ? 'image/png' : 'image/jpeg', data: output, width: info.width, height: info.height };
}
