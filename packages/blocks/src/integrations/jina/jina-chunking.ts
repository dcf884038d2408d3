import { credentialsField, defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { jinaCredentialsDescription } from '../../providers/jina/base-urls';
import { asRecord } from '../shared/json';
import { credentialsRef } from '../shared/refs';
import { jinaPost, jinaSegmenterBaseUrl } from './jina-api';

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/** Splits texts into semantic chunks with the Jina Segmenter API, one call per text. */
export const jinaChunkingBlock = defineBlock({
  id: '806fb15e-830f-4796-8692-557d300ff43c',
  name: 'JinaChunkingBlock',
  description: 'Chunks texts into semantically meaningful pieces with the Jina Segmenter API.',
  categories: ['AI', 'TEXT'],
  input: z.object({
    texts: z.array(z.string()).meta({ description: 'The texts to chunk.' }),
    credentials: credentialsField({
      providers: ['jina'],
      types: ['api_key'],
      description: jinaCredentialsDescription,
    }),
    max_chunk_length: z
      .number()
      .int()
      .min(1)
      .max(2000)
      .default(1000)
      .meta({ description: 'The longest chunk, in characters (the Segmenter allows up to 2000).' }),
    return_tokens: z.boolean().default(false).meta({ description: 'Also output the tokens of each text.' }),
  }),
  output: {
    chunks: z.array(z.string()).meta({ description: 'The chunks of every text, in order.' }),
    tokens: z.array(z.unknown()).meta({ description: 'The tokens (when return_tokens is set).' }),
  },
  tests: [
    {
      name: 'chunks nothing for no texts, without a request',
      input: { texts: [], credentials: credentialsRef('jina') },
      output: [['chunks', []]],
    },
  ],
  async *run(input, ctx) {
    const chunks: string[] = [];
    const tokens: unknown[] = [];
    const url = `${jinaSegmenterBaseUrl()}/`;
    for (const text of input.texts) {
      // Blank texts have no chunks; skipping them saves a call the Segmenter would refuse anyway.
      if (!text.trim()) continue;
      const answer = asRecord(
        await jinaPost(ctx, url, {
          content: text,
          return_chunks: true,
          return_tokens: input.return_tokens,
          max_chunk_length: input.max_chunk_length,
        }),
      );
      chunks.push(...strings(answer.chunks));
      if (input.return_tokens && Array.isArray(answer.tokens)) tokens.push(...(answer.tokens as unknown[]));
    }
    yield ['chunks', chunks];
    if (input.return_tokens) yield ['tokens', tokens];
  },
});
