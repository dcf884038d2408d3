/**
 * Python's `unicode_escape` codec on text, both ways (TextDecoder / TextEncoder, catalogue §1.4). Python
 * applies it to the UTF-8 bytes of the text, which garbles non-ASCII characters on decoding; here they pass
 * through unchanged.
 */

export class EscapeError extends Error {}

const simpleEscapes: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\n': '', // a backslash before a line break joins the lines
};

const hexDigits: Record<string, number> = { x: 2, u: 4, U: 8 };

function readHex(text: string, start: number, kind: string): number {
  const digits = hexDigits[kind] ?? 0;
  const hex = text.slice(start, start + digits);
  if (hex.length !== digits || !/^[0-9a-fA-F]+$/.test(hex)) {
    throw new EscapeError(`truncated \\${kind}${'X'.repeat(digits)} escape at position ${start - 2}`);
  }
  const code = Number.parseInt(hex, 16);
  if (code > 0x10ffff)
    throw new EscapeError(`illegal Unicode character \\${kind}${hex} at position ${start - 2}`);
  return code;
}

/**
 * Replaces backslash escapes with the characters they stand for: `\n \t \\ \" \' \a \b \f \v \r`, octal
 * `\ooo`, `\xhh`, `\uXXXX`, `\UXXXXXXXX` and a backslash-newline. Like Python, an unknown escape (`\q`, and
 * `\N{…}`, whose name table is not here) stays as written; a malformed hex escape throws `EscapeError`.
 */
export function decodeEscapes(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const char = text[i] ?? '';
    if (char !== '\\' || i + 1 >= text.length) {
      if (char === '\\') throw new EscapeError(`\\ at end of string`);
      out += char;
      i += 1;
      continue;
    }
    const next = text[i + 1] ?? '';
    const simple = simpleEscapes[next];
    if (simple !== undefined) {
      out += simple;
      i += 2;
    } else if (next in hexDigits) {
      out += String.fromCodePoint(readHex(text, i + 2, next));
      i += 2 + (hexDigits[next] ?? 0);
    } else if (/[0-7]/.test(next)) {
      const octal = /^[0-7]{1,3}/.exec(text.slice(i + 1))?.[0] ?? next;
      out += String.fromCodePoint(Number.parseInt(octal, 8));
      i += 1 + octal.length;
    } else {
      out += `\\${next}`;
      i += 2;
    }
  }
  return out;
}

const encodeNamed: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Python's `unicode_escape` encoding: backslash, newline, carriage return and tab as `\\ \n \r \t`, other
 * control and non-ASCII characters as `\xhh`, `\uXXXX` or `\UXXXXXXXX`; printable ASCII (quotes included)
 * unchanged.
 */
export function encodeEscapes(text: string): string {
  let out = '';
  for (const char of text) {
    const named = encodeNamed[char];
    const code = char.codePointAt(0) ?? 0;
    if (named) out += named;
    else if (code >= 0x20 && code < 0x7f) out += char;
    else if (code < 0x100) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code < 0x10000) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return out;
}
