import { BlockError, credentialsField, defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { jinaCredentialsDescription } from '../../providers/jina/base-urls';
import { asRecord } from '../shared/json';
import { credentialsRef } from '../shared/refs';
import { jinaApiBaseUrl, jinaPost } from './jina-api';

/** Embeds texts with the Jina Embeddings API (`POST /v1/embeddings`, OpenAI-style answer). */
export const jinaEmbeddingBlock = defineBlock({
  id: '7c56b3ab-62e7-43a2-a2dc-4ec4245660b6',
  name: 'JinaEmbeddingBlock',
  description: 'Generates vector embeddings for texts with a Jina embeddings model.',
  categories: ['AI'],
  input: z.object({
    texts: z.array(z.string()).meta({ description: 'The texts to embed.' }),
    credentials: credentialsField({
      providers: ['jina'],
      types: ['api_key'],
      description: jinaCredentialsDescription,
    }),
    model: z
      .string()
      .default('jina-embeddings-v2-base-en')
      .meta({ description: 'The Jina embeddings model, e.g. jina-embeddings-v3.' }),
  }),
  output: {
    embeddings: z.array(z.array(z.number())).meta({ description: 'One vector per text, in input order.' }),
  },
  tests: [
    {
      name: 'embeds nothing for no texts, without a request',
      input: { texts: [], credentials: credentialsRef('jina') },
      output: [['embeddings', []]],
    },
  ],
  async *run(input, ctx) {
    if (input.texts.length === 0) {
      yield ['embeddings', []];
      return;
    }
    const answer = asRecord(
      await jinaPost(ctx, `${jinaApiBaseUrl()}/v1/embeddings`, { input: input.texts, model: input.model }),
    );
    const data = Array.isArray(answer.data) ? answer.data.map(asRecord) : [];
    // The API may answer out of order; `index` says which text each vector belongs to.
    const ordered = [...data].sort((a, b) => Number(a.index ?? 0) - Number(b.index ?? 0));
    const embeddings = ordered.map((item) => item.embedding);
    if (embeddings.length !== input.texts.length || !embeddings.every(isVector)) {
      throw new BlockError('Jina sent a malformed embeddings answer');
    }
    yield ['embeddings', embeddings];
  },
});

function isVector(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'number');
}
