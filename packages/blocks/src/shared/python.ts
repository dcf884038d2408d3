/**
 * Python value semantics the AutoGPT blocks rely on, applied to JSON-like values: truthiness, `==`,
 * ordering, `str()`/`repr()` and `json.dumps()`. Blocks use these wherever the catalogue's behaviour is
 * defined by what Python does (e.g. StoreValue's "data if truthy", MatchTextPattern's JSON serialisation).
 */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Python's type name for a JSON-like value, as it appears in Python error messages. */
export function pyTypeName(value: unknown): string {
  if (value === null || value === undefined) return 'NoneType';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (typeof value === 'string') return 'str';
  if (Array.isArray(value)) return 'list';
  return 'dict';
}

/** Python's `bool(value)`: None, False, 0, "", [] and {} are falsy (NaN is truthy, as in Python). */
export function isTruthy(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string' || Array.isArray(value)) return value.length > 0;
  if (isRecord(value)) return Object.keys(value).length > 0;
  return true;
}

/** Python's `==`: bools are numbers (True == 1), containers compare deeply, dict key order is ignored. */
export function pyEquals(a: unknown, b: unknown): boolean {
  const aNumeric = typeof a === 'number' || typeof a === 'boolean';
  const bNumeric = typeof b === 'number' || typeof b === 'boolean';
  if (aNumeric || bNumeric) return aNumeric && bNumeric && Number(a) === Number(b);
  if (a === null || a === undefined || b === null || b === undefined) {
    return (a === null || a === undefined) && (b === null || b === undefined);
  }
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => pyEquals(x, b[i]))
    );
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => key in b && pyEquals(a[key], b[key]));
  }
  return false;
}

/** Compares by code point, as Python compares strings (JS `<` compares UTF-16 units). */
function compareStrings(a: string, b: string): number {
  const left = Array.from(a);
  const right = Array.from(b);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const diff = (left[i]?.codePointAt(0) ?? 0) - (right[i]?.codePointAt(0) ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  return Math.sign(left.length - right.length);
}

/**
 * Python's ordering (`<`) as -1/0/1 for numbers and bools, strings and lists (lexicographic). Other
 * pairs throw the TypeError Python raises, e.g. "'<' not supported between instances of 'dict' and 'int'".
 */
export function pyCompare(a: unknown, b: unknown, operator = '<'): number {
  const aNumeric = typeof a === 'number' || typeof a === 'boolean';
  const bNumeric = typeof b === 'number' || typeof b === 'boolean';
  if (aNumeric && bNumeric) return Math.sign(Number(a) - Number(b));
  if (typeof a === 'string' && typeof b === 'string') return compareStrings(a, b);
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      if (!pyEquals(a[i], b[i])) return pyCompare(a[i], b[i], operator);
    }
    return Math.sign(a.length - b.length);
  }
  throw new TypeError(
    `'${operator}' not supported between instances of '${pyTypeName(a)}' and '${pyTypeName(b)}'`,
  );
}

/** A float the way Python prints it: `inf`, `nan`, and two-digit exponents (`1e-07`). */
function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  return String(value).replace(/e([+-])(\d)$/, 'e$10$2');
}

function isPrintable(char: string): boolean {
  if (char === ' ') return true;
  return !/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Z}]/u.test(char);
}

function escapeCodePoint(code: number): string {
  if (code < 0x100) return `\\x${code.toString(16).padStart(2, '0')}`;
  if (code < 0x10000) return `\\u${code.toString(16).padStart(4, '0')}`;
  return `\\U${code.toString(16).padStart(8, '0')}`;
}

const namedEscapes: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Python's `repr()` of a string: single quotes unless the text holds a `'` and no `"`. */
function reprString(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const char of text) {
    const named = namedEscapes[char];
    if (named) out += named;
    else if (char === quote) out += `\\${char}`;
    else if (isPrintable(char)) out += char;
    else out += escapeCodePoint(char.codePointAt(0) ?? 0);
  }
  return out + quote;
}

/** Python's `repr()` of a JSON-like value: `None`, `True`, `'text'`, `['a', 1]`, `{'k': None}`. */
export function pyRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return reprString(value);
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  if (isRecord(value)) {
    return `{${Object.entries(value)
      .map(([key, item]) => `${reprString(key)}: ${pyRepr(item)}`)
      .join(', ')}}`;
  }
  return String(value);
}

/** Python's `str()`: text as is, everything else as its `repr()`. */
export function pyStr(value: unknown): string {
  return typeof value === 'string' ? value : pyRepr(value);
}

function jsonString(text: string, ensureAscii: boolean): string {
  const json = JSON.stringify(text);
  if (!ensureAscii) return json;
  // Python escapes every non-ASCII UTF-16 unit as \uXXXX (astral characters become surrogate pairs).
  return json.replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export interface JsonDumpsOptions {
  sortKeys?: boolean;
  /** Python's default escapes non-ASCII characters (`ensure_ascii=True`). */
  ensureAscii?: boolean;
}

/**
 * Python's `json.dumps()` with its default separators (`", "` and `": "`), `ensure_ascii`, and
 * `NaN`/`Infinity` written bare. Used where AutoGPT serialises a non-string value before matching it.
 */
export function pyJsonDumps(value: unknown, options: JsonDumpsOptions = {}): string {
  const ensureAscii = options.ensureAscii ?? true;
  const dump = (item: unknown): string => {
    if (item === null || item === undefined) return 'null';
    if (typeof item === 'boolean') return item ? 'true' : 'false';
    if (typeof item === 'number') {
      if (Number.isNaN(item)) return 'NaN';
      if (!Number.isFinite(item)) return item > 0 ? 'Infinity' : '-Infinity';
      return formatNumber(item);
    }
    if (typeof item === 'string') return jsonString(item, ensureAscii);
    if (Array.isArray(item)) return `[${item.map(dump).join(', ')}]`;
    if (isRecord(item)) {
      const entries = Object.entries(item);
      if (options.sortKeys) entries.sort(([a], [b]) => compareStrings(a, b));
      return `{${entries.map(([key, entry]) => `${jsonString(key, ensureAscii)}: ${dump(entry)}`).join(', ')}}`;
    }
    return jsonString(String(item), ensureAscii);
  };
  return dump(value);
}

/** Text as AutoGPT's text blocks see a value: strings unchanged, anything else as `json.dumps()`. */
export function textOf(value: unknown): string {
  return typeof value === 'string' ? value : pyJsonDumps(value);
}
