import { describe, expect, it } from 'vitest';
import { compilePythonRegex, PythonRegexError } from './python-regex';

function search(pattern: string, text: string, options = {}): string | undefined {
  return compilePythonRegex(pattern, options).exec(text)?.[0];
}

describe('compilePythonRegex', () => {
  it.each([
    { name: 'named groups', pattern: '(?P<year>\\d{4})-(?P=year)', text: '2024-2024', expected: '2024-2024' },
    { name: 'comments', pattern: 'a(?#note)b', text: 'ab', expected: 'ab' },
    { name: '\\A and \\Z', pattern: '\\Aabc\\Z', text: 'abc', expected: 'abc' },
    { name: "$ before a final newline, as Python's", pattern: 'abc$', text: 'abc\n', expected: 'abc' },
    { name: 'literal braces', pattern: 'f{x}', text: 'f{x}', expected: 'f{x}' },
    { name: '{,n} quantifiers', pattern: 'a{,2}b', text: 'aab', expected: 'aab' },
    {
      name: 'escaped punctuation JavaScript refuses',
      pattern: '\\<\\"\\#\\ \\-',
      text: '<"# -',
      expected: '<"# -',
    },
    { name: 'a ] as the first class member', pattern: '[]a]+', text: 'a]a', expected: 'a]a' },
    { name: '\\U escapes', pattern: '\\U0001F600', text: 'x😀', expected: '😀' },
    { name: 'octal escapes', pattern: '\\101\\0', text: 'A\u0000', expected: 'A\u0000' },
    { name: '\\a', pattern: '\\a', text: '\u0007', expected: '\u0007' },
    { name: 'Unicode \\w', pattern: '\\w+', text: 'café!', expected: 'café' },
    { name: 'Unicode \\b', pattern: '\\bné\\b', text: 'un né ici', expected: 'né' },
    { name: 'Unicode \\d', pattern: '\\d+', text: '٣٤', expected: '٣٤' },
    { name: 'ASCII mode with (?a)', pattern: '(?a)\\w+', text: 'café', expected: 'caf' },
    { name: 'verbose mode', pattern: '(?x) a b  # spaced out\n c', text: 'abc', expected: 'abc' },
    { name: 'case-insensitive inline flag', pattern: '(?i)hello', text: 'HeLLo', expected: 'HeLLo' },
    { name: 'lookbehind', pattern: '(?<=!chat ).*', text: '!chat hi there', expected: 'hi there' },
  ])('translates $name', ({ pattern, text, expected }) => {
    expect(search(pattern, text)).toBe(expected);
  });

  it('makes . skip only \\n unless dotAll', () => {
    expect(search('a.b', 'a\rb')).toBe('a\rb');
    expect(search('a.b', 'a\nb')).toBeUndefined();
    expect(search('a.b', 'a\nb', { dotAll: true })).toBe('a\nb');
  });

  it('applies IGNORECASE, MULTILINE and global', () => {
    expect(search('ABC', 'xabc', { ignoreCase: true })).toBe('abc');
    expect(search('^b$', 'a\nb\nc', { multiline: true })).toBe('b');
    expect([...'a1b22'.matchAll(compilePythonRegex('\\d+', { global: true }))].map((m) => m[0])).toEqual([
      '1',
      '22',
    ]);
  });

  it.each([
    ['scoped flags', '(?i:a)b'],
    ['conditionals', '(a)?(?(1)b|c)'],
    ['atomic groups', '(?>a+)b'],
    ['possessive quantifiers', 'a*+b'],
    ['named characters', '\\N{DASH}'],
    ['flags after the start', 'a(?i)b'],
    ['unknown letter escapes', '\\q'],
    ['unbalanced groups', '(abc'],
  ])('refuses %s with a PythonRegexError', (_name, pattern) => {
    expect(() => compilePythonRegex(pattern)).toThrow(PythonRegexError);
  });
});
