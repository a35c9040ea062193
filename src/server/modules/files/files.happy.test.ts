import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, registerUser, uploadFile, type TestApp } from '../../../../test/helpers/app';
import { files } from './files.tables';

let t: TestApp;
let farmer: Awaited<ReturnType<typeof registerUser>>;
beforeAll(async () => {
  t = await createTestApp();
  farmer = await registerUser(t.app, '周建国');
});
afterAll(() => t.close());

const solid = (width: number, height: number, channels: 3 | 4 = 3) =>
  sharp({ create: { width, height, channels, background: channels === 4 ? '#5a8f3c80' : '#5a8f3c' } });

/** A phone photo held sideways (EXIF orientation 6) with the GPS position of the farm in its EXIF. */
const phonePhoto = () =>
  solid(300, 200)
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '32/1 3/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '113/1 57/1 0/1' } })
    .toBuffer();
// Tag 0x8825 (little-endian, as libvips writes it) points to the GPS directory.
const hasGps = (exif: Buffer | undefined) => !!exif?.includes(Buffer.from([0x25, 0x88]));

const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

describe('uploading files', () => {
  it('turns a phone photo upright, drops its EXIF (GPS included) and serves it back', async () => {
    const original = await phonePhoto();
    expect(hasGps((await sharp(original).metadata()).exif)).toBe(true);

    const res = await uploadFile(farmer.client, 'product_image', original, 'IMG_0420.JPG', 'image/jpeg');
    expect(res.statusCode).toBe(201);
    const view = json(res);
    expect(view).toMatchObject({ purpose: 'product_image', contentType: 'image/jpeg', width: 200, height: 300, url: `/api/v1/files/${view.id}` });
    expect(view.id).toMatch(/^fil_/);

    const served = await farmer.client.get(view.url);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(Number(served.headers['content-length'])).toBe(view.bytes);
    const stored = await sharp(served.rawPayload).metadata();
    expect(stored).toMatchObject({ format: 'jpeg', width: 200, height: 300 });
    expect(stored.exif).toBeUndefined();
    expect(stored.orientation).toBeUndefined();
  });

  it('shrinks large photos to a 2048 px long edge and never enlarges small ones', async () => {
    const big = json(await uploadFile(farmer.client, 'cover', await solid(4096, 1024).jpeg().toBuffer()));
    expect(big).toMatchObject({ width: 2048, height: 512 });
    const small = json(await uploadFile(farmer.client, 'lot_photo', await solid(64, 48).webp().toBuffer()));
    expect(small).toMatchObject({ contentType: 'image/jpeg', width: 64, height: 48 });
  });

  it('keeps transparent PNGs as PNG and turns opaque ones into JPEG', async () => {
    const cutout = json(await uploadFile(farmer.client, 'product_image', await solid(120, 80, 4).png().toBuffer(), 'cutout.png'));
    expect(cutout).toMatchObject({ contentType: 'image/png', width: 120, height: 80 });
    const served = await farmer.client.get(cutout.url);
    expect(served.headers['content-type']).toBe('image/png');
    expect((await sharp(served.rawPayload).metadata()).hasAlpha).toBe(true);

    const opaque = json(await uploadFile(farmer.client, 'product_image', await solid(120, 80).png().toBuffer(), 'flat.png'));
    expect(opaque.contentType).toBe('image/jpeg');
  });

  it('stores an inspection report PDF byte for byte, on disk under a shard of its key', async () => {
    const res = await uploadFile(farmer.client, 'inspection_report', pdf, 'report.pdf', 'application/pdf');
    expect(res.statusCode).toBe(201);
    const view = json(res);
    expect(view).toMatchObject({ contentType: 'application/pdf', bytes: pdf.length, width: null, height: null });

    const served = await farmer.client.get(view.url);
    expect(served.headers['content-type']).toBe('application/pdf');
    expect(served.rawPayload.equals(pdf)).toBe(true);

    const [row] = await t.database.db.select().from(files).where(eq(files.id, view.id));
    expect(row!.ownerId).toBe(farmer.user.id);
    expect(row!.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    expect(existsSync(path.join(t.config.dataDir, 'files', row!.storageKey.slice(0, 2), row!.storageKey))).toBe(true);
  });
});
