/** RFC 4180 CSV writing for CreateCSVBlock. */

export interface CsvOptions {
  delimiter: string;
  includeHeader: boolean;
  /** Column order; by default every key in the order first seen across the rows. */
  columns?: readonly string[];
}

/** Text of one cell: nothing for null, JSON for lists and dicts (so they survive a round trip), else String. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Quotes a field holding the delimiter, a quote or a line break, doubling inner quotes (RFC 4180 §2.6-2.7). */
function quoted(text: string, delimiter: string): string {
  const needsQuotes = text.includes(delimiter) || /["\r\n]/.test(text);
  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}

export function columnsOf(rows: readonly Record<string, unknown>[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
}

/** The rows as CSV: CRLF line ends (RFC 4180 §2.1), a missing key an empty cell, no trailing line break. */
export function toCsv(rows: readonly Record<string, unknown>[], options: CsvOptions): string {
  const columns = options.columns && options.columns.length > 0 ? options.columns : columnsOf(rows);
  const line = (cells: readonly string[]) =>
    cells.map((cell) => quoted(cell, options.delimiter)).join(options.delimiter);
  const lines = rows.map((row) => line(columns.map((column) => cellText(row[column]))));
  return (options.includeHeader ? [line(columns), ...lines] : lines).join('\r\n');
}
