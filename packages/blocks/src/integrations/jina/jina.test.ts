import { NonRetriableError } from '@blockloom/sdk';
import { describe, expect, it } from 'vitest';
import { useFakeProvider } from '../../providers/shared/fake-server';
import { apiKeyCredentials, runForTest } from '../../providers/shared/test-run';
import { jinaApiBaseUrl, jinaSegmenterBaseUrl } from './jina-api';
import { jinaChunkingBlock } from './jina-chunking';
import { jinaEmbeddingBlock } from './jina-embedding';

const { ref, resolved } = apiKeyCredentials('jina', 'jina-key');
/** One address playing both services, told apart by path as JINA_BASE_URL promises. */
const startJina = useFakeProvider((url) => ({
  JINA_BASE_URL: url,
  JINA_SEGMENTER_BASE_URL: undefined,
  JINA_API_BASE_URL: undefined,
}));

describe('JinaChunkingBlock', () => {
  it('segments each text and joins the chunks and tokens', async () => {
    const fake = await startJina((request) => {
      const { content } = JSON.parse(request.text) as { content: string };
      return { body: { chunks: content.split('. '), tokens: [[content.length]] } };
    });
    const run = await runForTest(
      jinaChunkingBlock,
      { texts: ['A. B', ' ', 'C'], credentials: ref, max_chunk_length: 500, return_tokens: true },
      { credentials: resolved },
    );
    expect(run.outputs).toEqual([
      ['chunks', ['A', 'B', 'C']],
      ['tokens', [[4], [1]]],
    ]);
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[0]?.path).toBe('/');
    expect(fake.requests[0]?.headers.authorization).toBe('Bearer jina-key');
    expect(JSON.parse(fake.requests[0]?.text ?? '')).toEqual({
      content: 'A. B',
      return_chunks: true,
      return_tokens: true,
      max_chunk_length: 500,
    });
  });

  it('maps a refused key', async () => {
    await startJina(() => ({ status: 401, body: { detail: 'Invalid API key' } }));
    const run = await runForTest(
      jinaChunkingBlock,
      { texts: ['x'], credentials: ref },
      { credentials: resolved },
    );
    expect(run.error).toBeInstanceOf(NonRetriableError);
    expect((run.error as Error).message).toContain('Jina refused the API key (HTTP 401): Invalid API key');
  });
});

describe('JinaEmbeddingBlock', () => {
  it('embeds the texts in input order', async () => {
    const fake = await startJina(() => ({
      body: {
        model: 'jina-embeddings-v3',
        data: [
          { object: 'embedding', index: 1, embedding: [0.3, 0.4] },
          { object: 'embedding', index: 0, embedding: [0.1, 0.2] },
        ],
      },
    }));
    const run = await runForTest(
      jinaEmbeddingBlock,
      { texts: ['a', 'b'], credentials: ref, model: 'jina-embeddings-v3' },
      { credentials: resolved },
    );
    expect(run.outputs).toEqual([
      [
        'embeddings',
        [
          [0.1, 0.2],
          [0.3, 0.4],
        ],
      ],
    ]);
    expect(fake.requests[0]?.path).toBe('/v1/embeddings');
    expect(JSON.parse(fake.requests[0]?.text ?? '')).toEqual({
      input: ['a', 'b'],
      model: 'jina-embeddings-v3',
    });
  });

  it('refuses an answer with the wrong number of vectors', async () => {
    await startJina(() => ({ body: { data: [{ index: 0, embedding: [1] }] } }));
    const run = await runForTest(
      jinaEmbeddingBlock,
      { texts: ['a', 'b'], credentials: ref },
      { credentials: resolved },
    );
    expect((run.error as Error).message).toBe('Jina sent a malformed embeddings answer');
  });

  it('maps a server error', async () => {
    await startJina(() => ({ status: 502, body: 'bad gateway' }));
    const run = await runForTest(
      jinaEmbeddingBlock,
      { texts: ['a'], credentials: ref },
      { credentials: resolved },
    );
    expect((run.error as Error).message).toBe('Jina server error (HTTP 502): bad gateway');
  });
});

describe('Jina base URLs', () => {
  it('defaults to the public hosts, and lets per-service variables win', () => {
    expect(jinaSegmenterBaseUrl({})).toBe('https://segment.jina.ai');
    expect(jinaApiBaseUrl({})).toBe('https://api.jina.ai');
    const env = { JINA_BASE_URL: 'http://both', JINA_SEGMENTER_BASE_URL: 'http://seg/' };
    expect(jinaSegmenterBaseUrl(env)).toBe('http://seg');
    expect(jinaApiBaseUrl(env)).toBe('http://both');
  });
});
