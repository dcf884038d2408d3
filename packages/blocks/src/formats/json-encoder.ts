import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { textContaining } from '../shared/matchers';

/** Writes any value as compact JSON text (no spaces, non-ASCII kept), as AutoGPT's orjson-based encoder does. */
export const jsonEncoderBlock = defineBlock({
  id: '9a9d20c5-5b4d-4e94-8022-83b6cb72648a',
  name: 'JSONEncoderBlock',
  description: 'Encodes any value (object, list, text, number…) as a JSON string.',
  categories: ['DATA'],
  input: z.object({ data: z.unknown().meta({ description: 'The value to encode.' }) }),
  output: { json_str: z.string().meta({ description: 'The value as compact JSON text.' }) },
  tests: [
    {
      name: 'encodes an object compactly',
      input: { data: { name: 'Zoë', tags: ['a', 'b'], n: 1.5, ok: true, none: null } },
      output: [['json_str', '{"name":"Zoë","tags":["a","b"],"n":1.5,"ok":true,"none":null}']],
    },
    {
      name: 'encodes text as a JSON string',
      input: { data: 'say "hi"' },
      output: [['json_str', '"say \\"hi\\""']],
    },
    { name: 'encodes a falsy number', input: { data: 0 }, output: [['json_str', '0']] },
    { name: 'fails without data', input: {}, output: [['error', textContaining('data')]] },
  ],
  async *run(input) {
    // NaN and the infinities have no JSON form; like orjson they become null.
    yield ['json_str', JSON.stringify(input.data) ?? 'null'];
  },
});
