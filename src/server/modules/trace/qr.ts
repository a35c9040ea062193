import QRCode from 'qrcode';

/**
 * Quartile error correction: a label on a crate gets scuffed and wet, and a QR code at level Q
 * still reads with a quarter of it gone, at the cost of a slightly denser pattern.
 */
const options = { errorCorrectionLevel: 'Q', margin: 2 } as const;

/** A standalone SVG document that scales to any print size without blurring. */
export async function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { ...options, type: 'svg', color: { dark: '#000000', light: '#ffffff' } });
}

export async function qrPng(text: string, size: number): Promise<Buffer> {
  return QRCode.toBuffer(text, { ...options, type: 'png', width: size });
}
