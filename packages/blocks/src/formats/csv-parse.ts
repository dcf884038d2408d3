/** The dialect options of Python's `csv.reader` that ReadSpreadsheetBlock exposes. */
export interface CsvDialect {
  delimiter: string;
  quotechar: string;
  /** Empty for none. */
  escapechar: string;
}

type State = 'start' | 'field' | 'quoted' | 'quoteInQuoted' | 'escape' | 'escapeInQuoted';

/**
 * Splits CSV text into rows of fields (RFC 4180, read the way Python's `csv.reader` reads it with
 * `doublequote=True`): a quote opens a quoted field only at a field's start, `""` inside quotes is one
 * quote, the escape character takes the next character literally, quoted fields may hold line breaks,
 * `\r\n`, `\n` and `\r` end a row, a blank line is an empty row, and text ending inside quotes ends the field.
 */
export function parseCsv(text: string, dialect: CsvDialect): string[][] {
  const { delimiter, quotechar, escapechar } = dialect;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let state: State = 'start';
  const endField = () => {
    row.push(field);
    field = '';
    state = 'start';
  };
  const endRow = () => {
    if (state !== 'start' || row.length > 0) endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? '';
    const isNewline = char === '\n' || char === '\r';
    if (isNewline && char === '\r' && text[i + 1] === '\n' && state !== 'quoted') i += 1;
    switch (state) {
      case 'escape':
      case 'escapeInQuoted':
        field += char;
        state = state === 'escape' ? 'field' : 'quoted';
        break;
      case 'quoted':
        if (escapechar && char === escapechar && escapechar !== quotechar) state = 'escapeInQuoted';
        else if (char === quotechar) state = 'quoteInQuoted';
        else field += char;
        break;
      case 'start':
      case 'field':
      case 'quoteInQuoted':
        if (state === 'quoteInQuoted' && char === quotechar) {
          field += char;
          state = 'quoted';
        } else if (state === 'start' && char === quotechar) state = 'quoted';
        else if (escapechar && char === escapechar) state = 'escape';
        else if (char === delimiter) endField();
        else if (isNewline) endRow();
        else {
          field += char;
          state = 'field';
        }
        break;
    }
  }
  if (state !== 'start' || row.length > 0) endRow();
  return rows;
}
