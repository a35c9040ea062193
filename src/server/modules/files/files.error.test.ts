import { readdir } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FilePurpose } from '../../../contracts/files';
import { createTestApp, json, multipartBody, registerUser, TestClient, uploadFile, type TestApp } from '../../../../test/helpers/app';
import { systemClock } from '../../infra/clock';
import type { FileStore } from '../../infra/storage/file-store';
import { createLocalDiskStore } from '../../infra/storage/local-disk-store';
import { createFileService } from './file.service';

// A small limit, so "too large" needs no megabytes of test data.
const maxBytes = 64 * 1024;
let t: TestApp;
let user: Awaited<ReturnType<typeof registerUser>>;
beforeAll(async () => {
  t = await createTestApp({ env: { UPLOAD_MAX_BYTES: String(maxBytes) } });
  user = await registerUser(t.app);
});
afterAll(() => t.close());

const jpeg = (width = 64, height = 48) => sharp({ create: { width, height, channels: 3, background: '#c0392b' } }).jpeg().toBuffer();
const storedFiles = async () => readdir(`${t.config.dataDir}/files`, { recursive: true }).catch(() => []);

/** A 91-byte PNG whose header claims 30000×30000 pixels: 2.7 GB once decoded. */
async function decompressionBomb(): Promise<Buffer> {
  const png = Buffer.from(await sharp({ create: { width: 1, height: 1, channels: 4, background: '#0000' } }).png().toBuffer());
  png.writeUInt32BE(30000, 16);
  png.writeUInt32BE(30000, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)) >>> 0, 29); // a valid IHDR checksum, so only the size gives it away
  return png;
}

async function expectError(res: Awaited<ReturnType<typeof uploadFile>>, status: number, code: string) {
  expect(res.statusCode).toBe(status);
  expect(json(res).error.code).toBe(code);
  return json(res).error as { message: string; fields?: Array<{ path: string }> };
}

describe('uploads that are refused', () => {
  it('refuses a Windows executable named photo.jpg, whatever it claims to be', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510, 0x90)]);
    const res = await uploadFile(user.client, 'product_image', exe, 'photo.jpg', 'image/jpeg');
    const error = await expectError(res, 415, 'UPLOAD_TYPE_NOT_ALLOWED');
    expect(error.message).toContain('application/x-msdownload');
  });

  it('refuses SVG and ZIP files', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    await expectError(await uploadFile(user.client, 'cover', svg, 'logo.svg', 'image/svg+xml'), 415, 'UPLOAD_TYPE_NOT_ALLOWED');
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]);
    const error = await expectError(await uploadFile(user.client, 'evidence', zip, 'photos.zip'), 415, 'UPLOAD_TYPE_NOT_ALLOWED');
    expect(error.message).toContain('application/zip');
  });

  it('accepts PDFs only for reports, scans and evidence', async () => {
    const pdf = Buffer.from('%PDF-1.7\n%%EOF\n');
    const res = await uploadFile(user.client, 'product_image', pdf, 'brochure.pdf', 'application/pdf');
    const error = await expectError(res, 415, 'UPLOAD_TYPE_NOT_ALLOWED');
    expect(error.message).toContain('application/pdf');
    expect(error.message).not.toContain('PDF');
  });

  it('stops a file over the limit with 413 and stores nothing', async () => {
    const noise = await sharp(Buffer.alloc(300 * 300 * 3).map(() => Math.floor(Math.random() * 256)), { raw: { width: 300, height: 300, channels: 3 } })
      .jpeg({ quality: 100 })
      .toBuffer();
    expect(noise.length).toBeGreaterThan(maxBytes);
    const before = await storedFiles();
    const res = await uploadFile(user.client, 'product_image', noise, 'big.jpg');
    const error = await expectError(res, 413, 'UPLOAD_TOO_LARGE');
    expect(error.message).toContain('0.0625 MB');
    expect(await storedFiles()).toEqual(before);
  });

  it('refuses a decompression bomb from its header, before decoding it', async () => {
    const error = await expectError(await uploadFile(user.client, 'review_photo', await decompressionBomb(), 'tiny.png'), 422, 'UPLOAD_IMAGE_TOO_LARGE');
    expect(error.message).toContain('30000×30000');
  });

  it('refuses a corrupt JPEG', async () => {
    const whole = await sharp(Buffer.alloc(300 * 200 * 3).map((_, i) => i % 251), { raw: { width: 300, height: 200, channels: 3 } }).jpeg().toBuffer();
    const truncated = whole.subarray(0, Math.floor(whole.length / 2));
    await expectError(await uploadFile(user.client, 'product_image', truncated, 'broken.jpg'), 422, 'UPLOAD_UNREADABLE');
    const headerOnly = whole.subarray(0, 40);
    await expectError(await uploadFile(user.client, 'product_image', headerOnly, 'stub.jpg'), 422, 'UPLOAD_UNREADABLE');
  });

  it('needs a file part named `file`', async () => {
    const send = (parts: Parameters<typeof multipartBody>[0]) => {
      const { payload, contentType } = multipartBody(parts);
      return user.client.request('POST', '/api/v1/files', payload, { 'content-type': contentType });
    };
    await expectError(await send([{ name: 'purpose', value: 'product_image' }]), 400, 'UPLOAD_MISSING_FILE');
    await expectError(await send([{ name: 'purpose', value: 'product_image' }, { name: 'image', filename: 'a.jpg', data: await jpeg() }]), 400, 'UPLOAD_MISSING_FILE');
    await expectError(await uploadFile(user.client, 'product_image', Buffer.alloc(0), 'empty.jpg'), 400, 'UPLOAD_MISSING_FILE');
  });

  it('needs a known purpose, sent before the file', async () => {
    const unknown = await expectError(await uploadFile(user.client, 'selfie', await jpeg()), 400, 'VALIDATION_FAILED');
    expect(unknown.fields?.[0]?.path).toBe('/purpose');
    const { payload, contentType } = multipartBody([
      { name: 'file', filename: 'a.jpg', data: await jpeg() },
      { name: 'purpose', value: 'product_image' },
    ]);
    const late = await user.client.request('POST', '/api/v1/files', payload, { 'content-type': contentType });
    await expectError(late, 400, 'VALIDATION_FAILED');
  });

  it('answers 415 to a body that is not multipart, and 400 to a broken one', async () => {
    await expectError(await user.client.post('/api/v1/files', { purpose: 'product_image' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    const noBoundary = await user.client.request('POST', '/api/v1/files', Buffer.from('x'), { 'content-type': 'multipart/form-data' });
    await expectError(noBoundary, 400, 'VALIDATION_FAILED');
  });

  it('answers 404 for a file that does not exist', async () => {
    const res = await new TestClient(t.app).get('/api/v1/files/fil_01JD0000000000000000000000');
    await expectError(res, 404, 'FILE_NOT_FOUND');
  });
});

describe('the file service', () => {
  const service = (store: FileStore) => createFileService({ db: t.database.db, clock: systemClock, store, maxBytes });

  it('refuses files of others, of another purpose, or that do not exist', async () => {
    const files = service(createLocalDiskStore(`${t.config.dataDir}/files`));
    const other = await registerUser(t.app);
    const theirs = await files.upload(other.user.id, 'certificate_scan', await jpeg());
    const mine = await files.upload(user.user.id, 'product_image', await jpeg());

    await expect(files.assertUsable(user.user.id, [mine.id], ['product_image', 'cover'])).resolves.toBeUndefined();
    for (const [ids, purposes] of [
      [[mine.id, theirs.id], ['certificate_scan', 'product_image']],
      [[mine.id], ['certificate_scan']],
      [['fil_01JD0000000000000000000000'], ['product_image']],
    ] as Array<[string[], FilePurpose[]]>) {
      const offending = ids.at(-1)!;
      await expect(files.assertUsable(user.user.id, ids, purposes)).rejects.toMatchObject({ code: 'FILE_NOT_USABLE', status: 422, params: { id: offending } });
    }
    const described = await files.describe([mine.id, theirs.id, 'fil_01JD0000000000000000000000']);
    expect([...described.keys()].sort()).toEqual([mine.id, theirs.id].sort());
    expect(described.get(mine.id)?.url).toBe(`/api/v1/files/${mine.id}`);
  });

  it('removes the stored bytes when the row cannot be written', async () => {
    const disk = createLocalDiskStore(`${t.config.dataDir}/files`);
    const keys: string[] = [];
    const removed: string[] = [];
    const files = service({
      put: async (key, data) => void (keys.push(key), await disk.put(key, data)),
      read: (key) => disk.read(key),
      remove: async (key) => void (removed.push(key), await disk.remove(key)),
    });
    // The purpose check in the database refuses the row after the bytes are on disk.
    await expect(files.upload(user.user.id, 'wallpaper' as FilePurpose, await jpeg())).rejects.toThrow();
    expect(keys).toHaveLength(1);
    expect(removed).toEqual(keys);
    await expect(disk.read(keys[0]!)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
