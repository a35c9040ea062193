import type { LotBody, LotEventBody } from '../../src/contracts/trace';
import { json, uploadFile, type TestClient } from './app';
import { photo } from './catalog';

/** The smallest PDF that is still a PDF: what a lab's report looks like to the upload checks. */
export function pdf(text = 'Inspection report'): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
    'latin1',
  );
}

async function upload(client: TestClient, purpose: string, data: Buffer, name: string): Promise<string> {
  const res = await uploadFile(client, purpose, data, name);
  if (res.statusCode !== 201) throw new Error(`upload failed: ${res.statusCode} ${res.body}`);
  return json(res).id as string;
}

export const uploadLotPhoto = async (client: TestClient, color = '#7aa85a') => upload(client, 'lot_photo', await photo(color), 'field.jpg');
export const uploadReport = (client: TestClient) => upload(client, 'inspection_report', pdf(), 'report.pdf');

export function lotBody(productId: string, overrides: Partial<LotBody> = {}): LotBody {
  return { productId, harvestDate: '2026-03-28', quantity: 120, unit: 'jin', note: '明前头采', ...overrides };
}

/** A lot of the given product, created through the API the console uses. */
export async function createLot(client: TestClient, productId: string, overrides: Partial<LotBody> = {}) {
  const res = await client.post('/api/v1/seller/lots', lotBody(productId, overrides));
  if (res.statusCode !== 201) throw new Error(`create lot failed: ${res.statusCode} ${res.body}`);
  return json(res) as { id: string; code: string; links: { traceUrl: string; qrSvg: string; qrPng: string } } & Record<string, any>;
}

export function eventBody(overrides: Partial<LotEventBody> = {}): Partial<LotEventBody> {
  return { kind: 'picking', occurredAt: '2026-03-28T00:30:00Z', place: '云雾岭村 3 号茶园', who: '程师傅', notes: '一芽一叶，露水干后开采', ...overrides };
}

export async function addEvent(client: TestClient, lotId: string, overrides: Partial<LotEventBody> = {}) {
  const res = await client.post(`/api/v1/seller/lots/${lotId}/events`, eventBody(overrides));
  if (res.statusCode !== 201) throw new Error(`add event failed: ${res.statusCode} ${res.body}`);
  return json(res) as { id: string } & Record<string, any>;
}
