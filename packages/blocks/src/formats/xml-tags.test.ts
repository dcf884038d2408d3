import { describe, expect, it } from 'vitest';
import { MAX_XML_CHARS, parseTags, XmlTagError } from './xml-tags';

describe('parseTags', () => {
  it('skips comments and reads CDATA as text', () => {
    expect(parseTags('<!-- note --><a><![CDATA[<raw> & text]]></a>')).toEqual({ a: '<raw> & text' });
  });

  it('keeps list values of a child apart from repeated tags', () => {
    expect(parseTags('<r><x><y>1</y><y>2</y></x><x>3</x></r>')).toEqual({
      r: { x: [{ y: ['1', '2'] }, '3'] },
    });
  });

  it('decodes numeric entities and leaves impossible ones as written', () => {
    expect(parseTags('<a>&#65;&#x42; &#x110000; &nbsp;</a>')).toEqual({ a: 'AB &#x110000; &nbsp;' });
  });

  it('keeps a __proto__ tag as a plain key', () => {
    const parsed = parseTags('<r><__proto__>x</__proto__></r>');
    expect(Object.getPrototypeOf(parsed.r)).toBe(Object.prototype);
    expect(Object.keys(parsed.r as object)).toEqual(['__proto__']);
  });

  it('reads a self-closing root', () => {
    expect(parseTags('  <done/>  ')).toEqual({ done: '' });
  });

  it.each([
    ['', 'No root element found'],
    ['</a>', 'Closing tag </a> without an opening tag'],
    ['x'.repeat(MAX_XML_CHARS + 1), `Input is larger than ${MAX_XML_CHARS} characters`],
  ])('rejects %#', (xml, message) => {
    expect(() => parseTags(xml)).toThrow(new XmlTagError(message));
  });
});
