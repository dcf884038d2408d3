import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { renderTemplate } from '../jinja/render';
import { textContaining } from '../shared/matchers';
import { pyStr } from '../shared/python';

/**
 * Records a value as one of the graph's outputs. The graph result for `name` collects every value this node
 * receives (the engine does that from the node's input); the block itself only echoes the value, optionally
 * formatted through a Jinja template.
 */
export const agentOutputBlock = defineBlock({
  id: '363ae599-353e-4804-937e-b2ee3cef3da4',
  name: 'AgentOutputBlock',
  description: "Records a value as one of the agent's outputs, optionally formatted with a template.",
  categories: ['OUTPUT', 'BASIC'],
  type: 'Output',
  staticOutput: true,
  input: z.object({
    value: z.unknown().default(null).meta({ description: 'The value to record as the output.' }),
    name: z.string().meta({ description: 'The name of the output.' }),
    title: z
      .string()
      .nullable()
      .default(null)
      .meta({ advanced: true, description: 'The title shown for this output.' }),
    description: z
      .string()
      .nullable()
      .default(null)
      .meta({ advanced: true, description: 'Help text shown for this output.' }),
    format: z.string().default('').meta({
      advanced: true,
      description: 'A Jinja template to format the value with; the value is available under the output name.',
      placeholder: '{{ output_name }}',
    }),
    escape_html: z.boolean().default(false).meta({
      advanced: true,
      description: 'Whether to escape HTML special characters in the formatted value.',
    }),
    advanced: z
      .boolean()
      .default(false)
      .meta({ advanced: true, description: 'Whether the output is shown only under advanced results.' }),
    secret: z
      .boolean()
      .default(false)
      .meta({ advanced: true, description: 'Whether the output holds a secret that must be masked.' }),
  }),
  output: {
    output: z.unknown().meta({ description: 'The recorded value, formatted when a template is set.' }),
    name: z.unknown().meta({ description: 'The name of the output.' }),
  },
  tests: [
    {
      name: 'echoes the value and the name',
      input: { name: 'summary', value: 'All good' },
      output: [
        ['output', 'All good'],
        ['name', 'summary'],
      ],
    },
    {
      name: 'echoes a null value',
      input: { name: 'summary' },
      output: [
        ['output', null],
        ['name', 'summary'],
      ],
    },
    {
      name: 'formats the value under its name and yields only output',
      input: { name: 'score', value: 7, format: 'Score: {{ score }}/10' },
      output: [['output', 'Score: 7/10']],
    },
    {
      name: 'prints structured values as Python does',
      input: { name: 'tags', value: ['a', 'b'], format: 'Tags: {{ tags }} ({{ tags | length }})' },
      output: [['output', "Tags: ['a', 'b'] (2)"]],
    },
    {
      name: 'escapes HTML when asked',
      input: { name: 'html', value: '<b>hi</b>', format: '{{ html }}', escape_html: true },
      output: [['output', '&lt;b&gt;hi&lt;/b&gt;']],
    },
    {
      name: 'reports a template error in the output',
      input: { name: 'score', value: 7, format: '{{ score | nosuchfilter }}' },
      output: [
        ['output', (v: unknown) => textContaining('Error: ', 'nosuchfilter')(v) && String(v).endsWith(', 7')],
      ],
    },
  ],
  async *run(input) {
    if (!input.format) {
      yield ['output', input.value];
      yield ['name', input.name];
      return;
    }
    let formatted: string;
    try {
      formatted = renderTemplate(
        input.format,
        { [input.name]: input.value },
        { escapeHtml: input.escape_html },
      );
    } catch (error) {
      // Catalogue §1.1: a template failure is not a node failure; the message goes into the output.
      const message = error instanceof Error ? error.message : String(error);
      formatted = `Error: ${message}, ${pyStr(input.value)}`;
    }
    yield ['output', formatted];
  },
});
