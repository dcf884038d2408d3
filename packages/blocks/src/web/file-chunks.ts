/** How FileRead turns a file into text events (catalogue §1.4). Sizes count characters (code points), as Python does. */

/** UTF-8 when the bytes are valid UTF-8, otherwise latin-1 (which reads any byte sequence). */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}

export interface ChunkOptions {
  delimiter: string;
  /** Characters per event; 0 or less sends each row whole. */
  sizeLimit: number;
  /** Rows to send at most; 0 or less sends all. */
  rowLimit: number;
  /** Characters dropped from the start of the file before splitting. */
  skipSize: number;
  /** Rows dropped before the row limit applies. */
  skipRows: number;
}

function slices(characters: readonly string[], size: number): string[] {
  const out: string[] = [];
  for (let start = 0; start < characters.length; start += size) {
    out.push(characters.slice(start, start + size).join(''));
  }
  return out.length > 0 ? out : [''];
}

/**
 * The events a file's text becomes, in order: skip `skipSize` characters, split on the delimiter (no
 * delimiter: one row), drop `skipRows` rows, keep `rowLimit` rows, then cut each row into `sizeLimit`-character
 * pieces.
 */
export function textChunks(text: string, options: ChunkOptions): string[] {
  const characters = Array.from(text);
  const rest = options.skipSize > 0 ? characters.slice(options.skipSize).join('') : text;
  let rows = options.delimiter ? rest.split(options.delimiter) : [rest];
  if (options.skipRows > 0) rows = rows.slice(options.skipRows);
  if (options.rowLimit > 0) rows = rows.slice(0, options.rowLimit);
  return options.sizeLimit > 0 ? rows.flatMap((row) => slices(Array.from(row), options.sizeLimit)) : rows;
}
