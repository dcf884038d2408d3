import { isRecord, pyJsonDumps, pyStr, pyTypeName } from './python';

/** The outcome of a lenient conversion: the converted value, or `ok: false` when it can't be done. */
export type Conversion = { ok: true; value: unknown } | { ok: false };

const trueWords = new Set(['true', '1', 'yes', 'y', 'on']);
const falseWords = new Set(['false', '0', 'no', 'n', 'off', '']);

function parseJson(text: string): Conversion {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function toNumber(value: unknown): Conversion {
  if (typeof value === 'boolean') return { ok: true, value: value ? 1 : 0 };
  if (typeof value === 'string' && value.trim() !== '') {
    const number = Number(value.trim());
    if (Number.isFinite(number)) return { ok: true, value: number };
  }
  return { ok: false };
}

function toBoolean(value: unknown): Conversion {
  if (typeof value === 'number') return { ok: true, value: value !== 0 };
  if (typeof value === 'string') {
    const word = value.trim().toLowerCase();
    if (trueWords.has(word)) return { ok: true, value: true };
    if (falseWords.has(word)) return { ok: true, value: false };
  }
  return { ok: false };
}

function toText(value: unknown): Conversion {
  if (Array.isArray(value) || isRecord(value))
    return { ok: true, value: pyJsonDumps(value, { ensureAscii: false }) };
  return { ok: true, value: pyStr(value) };
}

function toContainer(value: unknown, kind: 'list' | 'dict'): Conversion {
  if (typeof value !== 'string') return { ok: false };
  const parsed = parseJson(value);
  if (parsed.ok && pyTypeName(parsed.value) === kind) return parsed;
  return { ok: false };
}

/**
 * Converts `value` to the Python type of `like`, the way AutoGPT's lenient converter does before a
 * comparison (IfInputMatches): "10" -> 10 for a number, "true" -> true for a bool, JSON text -> list or
 * dict, anything -> text for a string. Returns `ok: false` when the value can't be read as that type.
 */
export function convertToTypeOf(value: unknown, like: unknown): Conversion {
  switch (pyTypeName(like)) {
    case 'int':
    case 'float':
      return typeof value === 'number' ? { ok: true, value } : toNumber(value);
    case 'bool':
      return typeof value === 'boolean' ? { ok: true, value } : toBoolean(value);
    case 'str':
      return toText(value);
    case 'list':
      return Array.isArray(value) ? { ok: true, value } : toContainer(value, 'list');
    case 'dict':
      return isRecord(value) ? { ok: true, value } : toContainer(value, 'dict');
    default:
      return { ok: false };
  }
}
