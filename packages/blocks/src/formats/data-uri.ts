/** A decoded `data:` URI: its media type and its bytes. */
export interface DataUri {
  mediaType: string;
  bytes: Uint8Array;
}

/** Decodes a `data:[<media type>][;base64],<data>` URI; undefined when `text` is not one. */
export function parseDataUri(text: string): DataUri | undefined {
  const match = /^data:([^,]*?),(.*)$/s.exec(text.trim());
  if (!match) return undefined;
  const [, header = '', data = ''] = match;
  const params = header.split(';');
  const isBase64 = params.at(-1)?.toLowerCase() === 'base64';
  const mediaType = (params[0] ?? '').trim().toLowerCase() || 'text/plain';
  try {
    const bytes = isBase64
      ? Uint8Array.from(Buffer.from(data.replace(/\s+/g, ''), 'base64'))
      : new TextEncoder().encode(decodeURIComponent(data));
    return { mediaType, bytes };
  } catch {
    return undefined;
  }
}

/** UTF-8 text (a byte-order mark dropped), falling back to Latin-1 when the bytes are not UTF-8. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}

/** Whether the bytes start like an Excel workbook: a zip archive (.xlsx) or an OLE2 compound file (.xls). */
export function looksLikeExcel(bytes: Uint8Array): boolean {
  const starts = (magic: number[]) => magic.every((byte, i) => bytes[i] === byte);
  return starts([0x50, 0x4b, 0x03, 0x04]) || starts([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
}
