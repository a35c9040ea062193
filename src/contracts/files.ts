import { Type, type Static } from 'typebox';
import { Id, Timestamp } from './common';

/** What an upload is for; decides which formats are accepted and who may read it. */
export const FilePurpose = Type.Union([
  Type.Literal('product_image'),
  Type.Literal('lot_photo'),
  Type.Literal('inspection_report'),
  Type.Literal('certificate_scan'),
  Type.Literal('cover'),
  Type.Literal('review_photo'),
  Type.Literal('evidence'),
]);
export type FilePurpose = Static<typeof FilePurpose>;

export const FileView = Type.Object({
  id: Id,
  purpose: FilePurpose,
  contentType: Type.String(),
  bytes: Type.Integer(),
  /** Pixel size after orientation and resizing; null for PDFs. */
  width: Type.Union([Type.Integer(), Type.Null()]),
  height: Type.Union([Type.Integer(), Type.Null()]),
  /** `/api/v1/files/<id>`. */
  url: Type.String(),
  createdAt: Timestamp,
});
export type FileView = Static<typeof FileView>;
