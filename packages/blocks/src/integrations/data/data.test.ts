import { runBlock } from '@blockloom/sdk';
import { describe, expect, it } from 'vitest';
import { parseTags } from '../../formats/xml-tags';
import { createCsvBlock } from './create-csv';
import { createMarkdownTableBlock } from './create-markdown-table';
import { createXmlBlock } from './create-xml';
import { toCsv } from './csv-text';

describe('CreateCSVBlock', () => {
  it('writes an empty document for no rows', async () => {
    const result = await runBlock(createCsvBlock, { data: [] });
    expect(result.outputs).toEqual([['csv', '']]);
  });

  it('quotes a field holding the delimiter, and carriage returns', () => {
    expect(toCsv([{ a: 'x;y', b: 'r\rs', c: 'plain,comma' }], { delimiter: ';', includeHeader: false })).toBe(
      '"x;y";"r\rs";plain,comma',
    );
  });

  it('refuses a quote as delimiter', async () => {
    const result = await runBlock(createCsvBlock, { data: [{ a: 1 }], delimiter: '"' });
    expect(result.error).toBe('The delimiter cannot be a quote or a line break');
  });
});

describe('CreateXMLBlock', () => {
  it.each([
    [{ a: { b: 'x' } }],
    [{ items: { item: ['a & b', 'c'], empty: '' } }],
    [{ answer: { title: 'T', tags: { tag: ['x', 'y'] }, note: '<not a tag>' } }],
  ])('is read back by the XML parser unchanged: %j', async (data) => {
    for (const indent of [0, 2]) {
      const result = await runBlock(createXmlBlock, { data, indent });
      expect(parseTags(String(result.byPin.xml?.[0]))).toEqual(data);
    }
  });

  it('uses root_tag when given, even for a single key', async () => {
    const result = await runBlock(createXmlBlock, { data: { a: 1 }, root_tag: 'doc', indent: 0 });
    expect(result.outputs).toEqual([['xml', '<doc><a>1</a></doc>']]);
  });

  it('refuses lists of lists and reserved names', async () => {
    expect((await runBlock(createXmlBlock, { data: { a: [[1]] } })).error).toContain(
      'A list inside the list',
    );
    expect((await runBlock(createXmlBlock, { data: { xmlthing: 1 } })).error).toContain(
      'cannot be an XML tag',
    );
  });
});

describe('CreateMarkdownTableBlock', () => {
  it('follows the chosen columns and writes dicts as JSON', async () => {
    const result = await runBlock(createMarkdownTableBlock, {
      data: [{ a: { x: 1 }, b: null, c: 'skip' }],
      columns: ['b', 'a'],
    });
    expect(result.outputs).toEqual([['table', '| b | a |\n| --- | --- |\n|  | {"x":1} |']]);
  });

  it('writes a header only when rows are empty but columns are given', async () => {
    const result = await runBlock(createMarkdownTableBlock, { data: [], columns: ['a'] });
    expect(result.outputs).toEqual([['table', '| a |\n| --- |']]);
  });
});
