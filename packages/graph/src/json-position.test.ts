import { describe, expect, it } from 'vitest';
import { findJsonError } from './json-position';

describe('findJsonError', () => {
  it.each([
    ['{"a":1}', undefined],
    [' [1, -2.5e3, "x\\u00e9", true, false, null, {}] ', undefined],
    ['{"a":}', 5],
    ['abc', 0],
    ['{"a":1', 6],
    ['', 0],
    ['[1,2,]', 5],
    ['{"a":1}x', 7],
    ['{"a" 1}', 5],
    ['"abc', 4],
    ['[01]', 2],
    ['"\\x"', 2],
    ['"a\nb"', 2],
    ['[tru]', 4],
    ['{"a":1,}', 7],
    ['-', 0],
  ])('%j -> %s', (text, position) => {
    expect(findJsonError(text)?.position).toBe(position);
  });
  it('agrees with JSON.parse on what is valid', () => {
    for (const text of [
      '1',
      '"a"',
      '[[[]]]',
      '{"a":{"b":[1,{"c":null}]}}',
      '1.0',
      '-0',
      '1e5',
      '[1 2]',
      '{1:2}',
    ]) {
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      expect(findJsonError(text) === undefined, text).toBe(valid);
    }
  });
  it('gives 1-based line and column', () => {
    expect(findJsonError('{\n  "a": tru\n}')).toEqual({ position: 12, line: 2, column: 11 });
  });
});
