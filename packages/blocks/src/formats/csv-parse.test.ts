import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv-parse';

const excel = { delimiter: ',', quotechar: '"', escapechar: '' };

describe('parseCsv', () => {
  it('reads CRLF rows, blank lines and a trailing newline', () => {
    expect(parseCsv('a,b\r\n\r\nc,\r\n', excel)).toEqual([['a', 'b'], [], ['c', '']]);
  });

  it('keeps line breaks and doubled quotes inside quotes', () => {
    expect(parseCsv('"x\r\ny","say ""hi"""', excel)).toEqual([['x\r\ny', 'say "hi"']]);
  });

  it('treats a quote after the start of a field as text', () => {
    expect(parseCsv('a, "b" ,c', excel)).toEqual([['a', ' "b" ', 'c']]);
  });

  it('ends a field left open at the end of the text', () => {
    expect(parseCsv('a,"open', excel)).toEqual([['a', 'open']]);
  });

  it('honours the escape character inside and outside quotes', () => {
    expect(parseCsv('a\\,b,"c\\"d"', { ...excel, escapechar: '\\' })).toEqual([['a,b', 'c"d']]);
  });

  it('honours other delimiters and quote characters', () => {
    expect(parseCsv("'a|b'|c", { delimiter: '|', quotechar: "'", escapechar: '' })).toEqual([['a|b', 'c']]);
  });

  it('reads nothing from empty text', () => {
    expect(parseCsv('', excel)).toEqual([]);
  });
});
