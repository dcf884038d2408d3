import { credentialsField, NonRetriableError, type BlockContext } from '@blockloom/sdk';
import { apiKeyOf } from '../../providers/shared/credentials';
import { providerFetch, providerJson } from '../../providers/shared/http';
import { envBaseUrl } from '../shared/base-url';

/** GitHub REST API v3 (docs.github.com/rest), with a personal access token or fine-grained token. */
export const GITHUB = 'GitHub';

export const githubCredentialsField = () =>
  credentialsField({
    providers: ['github'],
    types: ['api_key'],
    description: 'A GitHub personal access token (github.com → Settings → Developer settings → Tokens).',
  });

/** GITHUB_BASE_URL points the blocks at GitHub Enterprise (`https://host/api/v3`) or a test server. */
export function githubBaseUrl(): string {
  return envBaseUrl('GITHUB_BASE_URL', 'https://api.github.com');
}

export interface RepoRef {
  owner: string;
  repo: string;
}
export interface IssueRef extends RepoRef {
  number: number;
}

const segment = /^[A-Za-z0-9_.-]+$/;

/** The path after the host of a github.com URL, or the text itself when it is "owner/repo…". */
function pathParts(text: string): string[] {
  const trimmed = text.trim().replace(/\.git$/, '');
  const path = /^https?:\/\//i.test(trimmed) ? new URL(trimmed).pathname : trimmed;
  return path.split('/').filter(Boolean);
}

/** "https://github.com/owner/repo" or "owner/repo" → the repository; anything else is refused. */
export function parseRepo(text: string): RepoRef {
  let parts: string[];
  try {
    parts = pathParts(text);
  } catch {
    parts = [];
  }
  const [owner, repo] = parts;
  if (!owner || !repo || !segment.test(owner) || !segment.test(repo)) {
    throw new NonRetriableError(
      `Not a GitHub repository: "${text}" (expected https://github.com/owner/repo)`,
    );
  }
  return { owner, repo };
}

/** ".../owner/repo/issues/12" or ".../pull/12" → the issue (pull requests are issues in the REST API). */
export function parseIssue(text: string): IssueRef {
  const { owner, repo } = parseRepo(text);
  let parts: string[];
  try {
    parts = pathParts(text);
  } catch {
    parts = [];
  }
  const [, , kind, number] = parts;
  if ((kind !== 'issues' && kind !== 'pull') || !number || !/^\d+$/.test(number)) {
    throw new NonRetriableError(
      `Not a GitHub issue URL: "${text}" (expected https://github.com/owner/repo/issues/123)`,
    );
  }
  return { owner, repo, number: Number(number) };
}

export function repoPath(ref: RepoRef): string {
  return `/repos/${encodeURIComponent(ref.owner)}/${encodeURIComponent(ref.repo)}`;
}

function githubHeaders(ctx: BlockContext, accept: string): Record<string, string> {
  return {
    Accept: accept,
    Authorization: `Bearer ${apiKeyOf(ctx, GITHUB)}`,
    'X-GitHub-Api-Version': '2022-11-28',
  };
}

/** One GitHub API call with the documented headers; errors mapped by `providerFetch`. */
export function githubJson(
  ctx: BlockContext,
  path: string,
  options: { method?: 'GET' | 'POST'; body?: unknown } = {},
): Promise<unknown> {
  return providerJson({
    provider: GITHUB,
    url: `${githubBaseUrl()}${path}`,
    method: options.method ?? 'GET',
    headers: {
      ...githubHeaders(ctx, 'application/vnd.github+json'),
      ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    signal: ctx.signal,
  });
}

/** A GET answered in another media type (`application/vnd.github.diff` for a pull request's diff), as text. */
export async function githubText(ctx: BlockContext, path: string, accept: string): Promise<string> {
  const response = await providerFetch({
    provider: GITHUB,
    url: `${githubBaseUrl()}${path}`,
    headers: githubHeaders(ctx, accept),
    signal: ctx.signal,
  });
  return response.text();
}
