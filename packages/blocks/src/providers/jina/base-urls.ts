import { providerBaseUrl } from '../../platform/providers';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Jina serves search and reading from two hosts (s.jina.ai, r.jina.ai). Each can be pointed elsewhere on its
 * own (`JINA_SEARCH_BASE_URL`, `JINA_READER_BASE_URL`); `JINA_BASE_URL` moves both to one address, which
 * can tell them apart by path: search asks `/?q=…`, reading asks `/<the page URL>`.
 */
export function jinaSearchBaseUrl(env: Env = process.env): string {
  const own = env.JINA_SEARCH_BASE_URL?.trim();
  return own ? own.replace(/\/+$/, '') : providerBaseUrl('jina', 'https://s.jina.ai', env);
}

export function jinaReaderBaseUrl(env: Env = process.env): string {
  const own = env.JINA_READER_BASE_URL?.trim();
  return own ? own.replace(/\/+$/, '') : providerBaseUrl('jina', 'https://r.jina.ai', env);
}

export const jinaCredentialsDescription = 'A Jina AI API key (jina.ai → API).';
