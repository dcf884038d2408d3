import type { BlockContext } from '@blockloom/sdk';
import { apiKeyOf } from '../../providers/shared/credentials';
import { providerJson } from '../../providers/shared/http';
import { providerBaseUrl } from '../../platform/providers';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The Segmenter (segment.jina.ai, `POST /`) and the Embeddings API (api.jina.ai, `POST /v1/embeddings`) live
 * on their own hosts. Like the search and reader services (`providers/jina/base-urls.ts`), each has its own
 * variable, and `JINA_BASE_URL` moves both to one address that tells them apart by path.
 */
export function jinaSegmenterBaseUrl(env: Env = process.env): string {
  const own = env.JINA_SEGMENTER_BASE_URL?.trim();
  return own ? own.replace(/\/+$/, '') : providerBaseUrl('jina', 'https://segment.jina.ai', env);
}

export function jinaApiBaseUrl(env: Env = process.env): string {
  const own = env.JINA_API_BASE_URL?.trim();
  return own ? own.replace(/\/+$/, '') : providerBaseUrl('jina', 'https://api.jina.ai', env);
}

/** A JSON POST to a Jina service with the block's key. */
export function jinaPost(ctx: BlockContext, url: string, body: unknown): Promise<unknown> {
  return providerJson({
    provider: 'Jina',
    url,
    method: 'POST',
    headers: {
      Authorization: `Bearer ${apiKeyOf(ctx, 'Jina')}`,
      'Content-Type': 'application/json',
      Accept: 'application/json',
    },
    body: JSON.stringify(body),
    signal: ctx.signal,
  });
}
