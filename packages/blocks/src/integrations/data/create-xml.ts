import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { toXml, XmlBuildError } from './xml-text';

/** Blockloom block: the inverse of XMLParserBlock, for prompts and APIs that want tagged text. */
export const createXmlBlock = defineBlock({
  id: '3d0271b8-a5c7-4e22-88c8-0456d4b5dfb8',
  name: 'CreateXMLBlock',
  description:
    'Blockloom block: writes a dictionary as XML, the inverse of XMLParserBlock: nested dictionaries become elements, lists repeat their tag and "#text" is an element’s own text.',
  categories: ['DATA', 'TEXT'],
  input: z.object({
    data: z
      .record(z.string(), z.unknown())
      .meta({ description: 'The content, e.g. {"answer": {"title": "x", "tag": ["a", "b"]}}.' }),
    root_tag: z.string().default('').meta({
      description:
        'Wraps the content in this element. Empty: a dictionary with one key uses that key as the root, otherwise <root>.',
    }),
    indent: z
      .number()
      .int()
      .min(0)
      .max(8)
      .default(2)
      .meta({ description: 'Spaces per nesting level; 0 writes one line.', advanced: true }),
  }),
  output: { xml: z.string().meta({ description: 'The XML text.' }) },
  tests: [
    {
      name: 'nests dictionaries and repeats list tags',
      input: { data: { a: { b: 'x & y', item: [1, 2], empty: null } }, indent: 0 },
      output: [['xml', '<a><b>x &amp; y</b><item>1</item><item>2</item><empty/></a>']],
    },
    {
      name: 'wraps several keys in <root>, indented',
      input: { data: { title: 'T', body: { '#text': 'hello', em: 'there' } } },
      output: [
        ['xml', '<root>\n  <title>T</title>\n  <body>\n    hello\n    <em>there</em>\n  </body>\n</root>'],
      ],
    },
    {
      name: 'refuses a key that is no tag name',
      input: { data: { 'not a tag': 1 } },
      output: [['error', '"not a tag" cannot be an XML tag name']],
    },
  ],
  async *run(input) {
    let xml: string;
    try {
      xml = toXml(input.data, input.root_tag.trim(), { indent: input.indent });
    } catch (error) {
      if (!(error instanceof XmlBuildError)) throw error;
      yield ['error', error.message];
      return;
    }
    yield ['xml', xml];
  },
});
