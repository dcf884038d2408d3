import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { parseTags, XmlTagError } from './xml-tags';

/** Reads tagged text (often an LLM answer asked to use tags) into a nested dictionary. */
export const xmlParserBlock = defineBlock({
  id: '286380af-9529-4b55-8be0-1d7c854abdb5',
  name: 'XMLParserBlock',
  description: 'Parses XML-style tags into a nested dictionary, e.g. <a><b>x</b></a> into {"a": {"b": "x"}}.',
  categories: [],
  input: z.object({
    input_xml: z
      .string()
      .meta({ description: 'The XML to parse.', placeholder: '<answer><title>…</title></answer>' }),
  }),
  output: {
    parsed_xml: z.record(z.string(), z.unknown()).meta({ description: 'The tags as a nested dictionary.' }),
    error: z.string().meta({ description: 'Why the XML could not be parsed.' }),
  },
  tests: [
    {
      name: 'parses nested tags',
      input: { input_xml: '<a><b>x</b></a>' },
      output: [['parsed_xml', { a: { b: 'x' } }]],
    },
    {
      name: 'lists repeated tags and decodes entities',
      input: {
        input_xml:
          '<?xml version="1.0"?>\n<items>\n  <item id="1">a &amp; b</item>\n  <item>c</item>\n  <empty/>\n</items>',
      },
      output: [['parsed_xml', { items: { item: ['a & b', 'c'], empty: '' } }]],
    },
    {
      name: 'reads an LLM answer with loose text inside tags',
      input: { input_xml: '<answer>\n  if a < b then <b>bold</b>\n</answer>' },
      output: [['parsed_xml', { answer: { b: 'bold', '#text': 'if a < b then' } }]],
    },
    {
      name: 'fails on two roots',
      input: { input_xml: '<a>1</a><b>2</b>' },
      output: [['error', 'More than one root element: <b>']],
    },
    {
      name: 'fails on text outside the root',
      input: { input_xml: 'Sure! <a>1</a>' },
      output: [['error', 'Text outside the root element: "Sure!"']],
    },
    {
      name: 'fails on a mismatched tag',
      input: { input_xml: '<a><b>x</a>' },
      output: [['error', 'Closing tag </a> does not match <b>']],
    },
    {
      name: 'fails on an unclosed tag',
      input: { input_xml: '<a>x' },
      output: [['error', 'Unclosed tag <a>']],
    },
  ],
  async *run(input) {
    let parsed: Record<string, unknown>;
    try {
      parsed = parseTags(input.input_xml);
    } catch (error) {
      if (!(error instanceof XmlTagError)) throw error;
      yield ['error', error.message];
      return;
    }
    yield ['parsed_xml', parsed];
  },
});
