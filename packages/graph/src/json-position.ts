/**
 * Where JSON text first goes wrong. V8's `JSON.parse` messages give a position for some errors and not for
 * others ("Unexpected token 'a', "abc" is not valid JSON"), so an uploaded agent file with a typo would get
 * no location. This scanner follows the JSON grammar (RFC 8259) only to find that offset; the value itself
 * still comes from `JSON.parse`.
 */

export interface JsonErrorLocation {
  /** 0-based offset into the text. */
  position: number;
  /** 1-based line and column. */
  line: number;
  column: number;
}

class SyntaxStop {
  constructor(readonly position: number) {}
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /[0-9a-fA-F]{4}/y;

function scanner(text: string) {
  let at = 0;
  function fail(): never {
    throw new SyntaxStop(at);
  }
  const skipWhitespace = () => {
    while (at < text.length && WHITESPACE.has(text.charAt(at))) at++;
  };
  const expect = (char: string) => {
    if (text.charAt(at) !== char) fail();
    at++;
  };
  const literal = (word: string) => {
    for (const char of word) expect(char);
  };
  const string = () => {
    expect('"');
    for (;;) {
      if (at >= text.length) fail();
      const code = text.charCodeAt(at);
      if (code < 0x20) fail();
      const char = text.charAt(at++);
      if (char === '"') return;
      if (char !== '\\') continue;
      const escape = text.charAt(at);
      if (ESCAPES.has(escape)) at++;
      else if (escape === 'u') {
        at++;
        HEX4.lastIndex = at;
        if (!HEX4.test(text)) fail();
        at += 4;
      } else fail();
    }
  };
  const number = () => {
    NUMBER.lastIndex = at;
    const match = NUMBER.exec(text);
    if (!match) fail();
    at += match[0].length;
  };
  const sequence = (close: string, item: () => void) => {
    at++;
    skipWhitespace();
    if (text.charAt(at) === close) {
      at++;
      return;
    }
    for (;;) {
      skipWhitespace();
      item();
      skipWhitespace();
      if (text.charAt(at) === close) {
        at++;
        return;
      }
      expect(',');
    }
  };
  const value = (): void => {
    skipWhitespace();
    const char = text.charAt(at);
    if (char === '{') {
      sequence('}', () => {
        string();
        skipWhitespace();
        expect(':');
        value();
      });
    } else if (char === '[') sequence(']', value);
    else if (char === '"') string();
    else if (char === 't') literal('true');
    else if (char === 'f') literal('false');
    else if (char === 'n') literal('null');
    else number();
  };
  return {
    document(): void {
      value();
      skipWhitespace();
      if (at < text.length) fail();
    },
  };
}

function locate(text: string, position: number): JsonErrorLocation {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return { position, line, column };
}

/** The location of the first syntax error in `text`, or undefined when it is valid JSON. */
export function findJsonError(text: string): JsonErrorLocation | undefined {
  try {
    scanner(text).document();
    return undefined;
  } catch (stop) {
    if (stop instanceof SyntaxStop) return locate(text, Math.min(stop.position, text.length));
    // Only a nesting deep enough to exhaust the stack lands here; report the end of the text.
    return locate(text, text.length);
  }
}
