import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { textContaining } from '../shared/matchers';

/** Reads JSON text into the value it describes. */
export const jsonDecoderBlock = defineBlock({
  id: '2b935639-65bc-48fd-9f88-823cd706fcd9',
  name: 'JSONDecoderBlock',
  description: 'Decodes a JSON string into the value it represents (object, list, text, number…).',
  categories: ['DATA'],
  input: z.object({
    json_str: z.string().meta({ description: 'The JSON text to decode.', placeholder: '{"key": "value"}' }),
  }),
  output: { data: z.unknown().meta({ description: 'The decoded value.' }) },
  tests: [
    {
      name: 'decodes an object',
      input: { json_str: '{"active": true, "val": null, "list": [1, 2.5]}' },
      output: [['data', { active: true, val: null, list: [1, 2.5] }]],
    },
    { name: 'decodes a bare number', input: { json_str: ' 42 ' }, output: [['data', 42]] },
    { name: 'decodes null', input: { json_str: 'null' }, output: [['data', null]] },
    {
      name: 'fails on invalid JSON',
      input: { json_str: '{"a": 1,}' },
      output: [['error', textContaining('JSON Decoding Error: ')]],
    },
    {
      name: 'fails on empty text',
      input: { json_str: '' },
      output: [['error', textContaining('JSON Decoding Error: ')]],
    },
  ],
  async *run(input) {
    let data: unknown;
    try {
      data = JSON.parse(input.json_str) as unknown;
    } catch (error) {
      yield ['error', `JSON Decoding Error: ${error instanceof Error ? error.message : String(error)}`];
      return;
    }
    yield ['data', data];
  },
});
