import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { renderTemplate } from '../jinja/render';
import { textContaining } from '../shared/matchers';

/** Renders a Jinja template with the given values; usually fed through `values_#_NAME` dynamic pins. */
export const fillTextTemplateBlock = defineBlock({
  id: 'db7d8f02-2f44-4c55-ab7a-eae0941f0c30',
  name: 'FillTextTemplateBlock',
  description: 'Fills a Jinja text template with the given values.',
  categories: ['TEXT'],
  input: z.object({
    values: z
      .record(z.string(), z.unknown())
      .meta({ description: 'The values the template can use, by name.', placeholder: '{"name": "Ada"}' }),
    format: z.string().meta({
      description: 'The Jinja template, e.g. "Hello {{ name }}"; supports loops, set and filters.',
      placeholder: 'Hello {{ name }}',
    }),
    escape_html: z.boolean().default(false).meta({
      advanced: true,
      description: 'Whether to escape HTML special characters in the inserted values.',
    }),
  }),
  output: { output: z.string().meta({ description: 'The filled-in text.' }) },
  tests: [
    {
      name: 'inserts values',
      input: { values: { NAME: 'Ada', ADDRESS: 'London' }, format: 'Email Address of {{NAME}}, {{ADDRESS}}' },
      output: [['output', 'Email Address of Ada, London']],
    },
    {
      name: 'renders loops, set and filters',
      input: {
        values: { items: ['tea', 'cake'] },
        format:
          '{% set n = items | length %}{{ n }} items:{% for i in items %} {{ loop.index }}.{{ i | upper }}{% endfor %}',
      },
      output: [['output', '2 items: 1.TEA 2.CAKE']],
    },
    {
      name: 'renders an undefined name as nothing',
      input: { values: {}, format: 'Hi {{ who }}!' },
      output: [['output', 'Hi !']],
    },
    {
      name: 'prints values as Python does',
      input: { values: { d: { ok: true, none: null } }, format: '{{ d }}' },
      output: [['output', "{'ok': True, 'none': None}"]],
    },
    {
      name: 'leaves HTML alone by default',
      input: { values: { b: '<b>x</b>' }, format: '{{ b }}' },
      output: [['output', '<b>x</b>']],
    },
    {
      name: 'escapes HTML unless marked safe',
      input: { values: { b: '<b>x</b>' }, format: '{{ b }} {{ b | safe }}', escape_html: true },
      output: [['output', '&lt;b&gt;x&lt;/b&gt; <b>x</b>']],
    },
    {
      name: 'drops one trailing newline, as Jinja',
      input: { values: { x: 1 }, format: 'x={{ x }}\n' },
      output: [['output', 'x=1']],
    },
    {
      name: 'fails with a clear message on a syntax error',
      input: { values: {}, format: '{% for x in items %}no end' },
      output: [['error', textContaining('Template error', 'end of file')]],
    },
    {
      name: 'refuses to reach JavaScript internals',
      input: { values: {}, format: '{{ "".constructor.constructor("return process")() }}' },
      output: [['error', textContaining('Template error', 'Unable to call')]],
    },
  ],
  async *run(input) {
    let output: string;
    try {
      output = renderTemplate(input.format, input.values, { escapeHtml: input.escape_html });
    } catch (error) {
      yield ['error', `Template error: ${error instanceof Error ? error.message : String(error)}`];
      return;
    }
    yield ['output', output];
  },
});
