import { describe, expect, it } from 'vitest';
import { decodeEscapes, encodeEscapes, EscapeError } from './escapes';

describe('escape sequences', () => {
  it.each(['plain', 'tab\there\nnew line', 'back\\slash "quote" \'single\'', 'café ☃ 😀', '\u0000\u007f'])(
    'round-trips %j',
    (text) => {
      expect(decodeEscapes(encodeEscapes(text))).toBe(text);
    },
  );

  it('joins lines after a backslash-newline', () => {
    expect(decodeEscapes('one \\\ntwo')).toBe('one two');
  });

  it('writes control characters in hex', () => {
    expect(encodeEscapes('\u0000\u001b\u007f')).toBe('\\x00\\x1b\\x7f');
  });

  it.each(['\\x4', '\\U0011ffff', 'ends with \\'])('rejects %j', (text) => {
    expect(() => decodeEscapes(text)).toThrow(EscapeError);
  });
});
