import { describe, expect, it } from 'vitest';
import { isTruthy, pyCompare, pyEquals, pyJsonDumps, pyRepr, pyStr } from './python';

describe('pyRepr / pyStr', () => {
  it.each([
    [null, 'None'],
    [true, 'True'],
    [3, '3'],
    [0.1, '0.1'],
    [1e-7, '1e-07'],
    [Infinity, 'inf'],
    [NaN, 'nan'],
    ['text', "'text'"],
    ["it's", '"it\'s"'],
    ['a\nb\\', "'a\\nb\\\\'"],
    ['\u0000\u200b', "'\\x00\\u200b'"],
    ['café 👋', "'café 👋'"],
    [['a', 1, null, [true]], "['a', 1, None, [True]]"],
    [{ k: 'v', n: { x: false } }, "{'k': 'v', 'n': {'x': False}}"],
  ])('repr(%j) is %s', (value, expected) => {
    expect(pyRepr(value)).toBe(expected);
  });

  it('str() leaves text as is and reprs the rest', () => {
    expect(pyStr('plain')).toBe('plain');
    expect(pyStr(['plain'])).toBe("['plain']");
  });
});

describe('pyJsonDumps', () => {
  it('uses Python separators and escapes non-ASCII', () => {
    expect(pyJsonDumps({ a: [1, 'é'], b: null })).toBe('{"a": [1, "\\u00e9"], "b": null}');
  });

  it('sorts keys on request and can keep non-ASCII', () => {
    expect(pyJsonDumps({ b: 1, a: '☕' }, { sortKeys: true, ensureAscii: false })).toBe(
      '{"a": "☕", "b": 1}',
    );
  });
});

describe('isTruthy', () => {
  it.each([
    [null, false],
    [0, false],
    ['', false],
    [[], false],
    [{}, false],
    [false, false],
    [NaN, true],
    ['0', true],
    [[0], true],
    [{ a: null }, true],
  ])('bool(%j) is %s', (value, expected) => {
    expect(isTruthy(value)).toBe(expected);
  });
});

describe('pyEquals and pyCompare', () => {
  it('treats bools as numbers and compares containers deeply', () => {
    expect(pyEquals(true, 1)).toBe(true);
    expect(pyEquals({ a: [1, 2], b: 'x' }, { b: 'x', a: [1.0, 2] })).toBe(true);
    expect(pyEquals('1', 1)).toBe(false);
    expect(pyEquals(null, null)).toBe(true);
  });

  it('orders numbers, text by code point and lists lexicographically', () => {
    expect(pyCompare(2, 10)).toBe(-1);
    expect(pyCompare('b', 'a')).toBe(1);
    expect(pyCompare('\uffff', '😀')).toBe(-1);
    expect(pyCompare([1, 2], [1, 3])).toBe(-1);
    expect(pyCompare([1, 2], [1])).toBe(1);
  });

  it("raises Python's TypeError for unordered pairs", () => {
    expect(() => pyCompare(null, 1, '>')).toThrow(
      "'>' not supported between instances of 'NoneType' and 'int'",
    );
  });
});
