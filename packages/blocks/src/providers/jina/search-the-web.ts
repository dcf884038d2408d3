import { credentialsField, defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { textContaining } from '../../shared/matchers';
import { apiKeyOf } from '../shared/credentials';
import { providerFetch } from '../shared/http';
import { jinaCredentialsDescription, jinaSearchBaseUrl } from './base-urls';

const testCredentials = { id: 'jina-test', provider: 'jina', type: 'api_key', title: 'Jina' } as const;

/** Searches the web with Jina Search (s.jina.ai), which returns the top results' page text. */
export const searchTheWebBlock = defineBlock({
  id: '87840993-2053-44b7-8da4-187ad4ee518c',
  name: 'SearchTheWebBlock',
  description: 'Searches the internet with Jina Search and returns the text of the top results.',
  categories: ['SEARCH'],
  input: z.object({
    credentials: credentialsField({
      providers: ['jina'],
      types: ['api_key'],
      description: jinaCredentialsDescription,
    }),
    query: z.string().meta({ description: 'The search query.', placeholder: 'latest AI news' }),
  }),
  output: {
    results: z.string().meta({ description: 'The search results: title, URL and content of each page.' }),
  },
  tests: [
    {
      name: 'refuses an empty query before calling Jina',
      input: { credentials: testCredentials, query: '   ' },
      output: [['error', textContaining('query')]],
    },
  ],
  async *run(input, ctx) {
    const query = input.query.trim();
    if (!query) {
      yield ['error', 'The search query must not be empty'];
      return;
    }
    const apiKey = apiKeyOf(ctx, 'Jina');
    const response = await providerFetch({
      provider: 'Jina',
      url: `${jinaSearchBaseUrl()}/?q=${encodeURIComponent(query)}`,
      headers: { Authorization: `Bearer ${apiKey}` },
      signal: ctx.signal,
    });
    yield ['results', await response.text()];
  },
});
