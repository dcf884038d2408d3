import { BlockError, defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { textContaining } from '../../shared/matchers';
import { credentialsRef } from '../shared/refs';
import { githubCredentialsField, githubJson, parseRepo, repoPath } from './client';
import { issueSummary, toIssueSummary } from './shapes';
import { pageLimitField } from './shapes';

/** Blockloom block: lists pull requests with GET /repos/{owner}/{repo}/pulls (one page, newest first). */
export const listGitHubPullRequestsBlock = defineBlock({
  id: 'b6b20a9d-f2ba-4139-91c6-e4f119faa252',
  name: 'ListGitHubPullRequestsBlock',
  description:
    'Blockloom block: lists the pull requests of a GitHub repository, yielding each one and the whole list.',
  categories: ['DEVELOPER_TOOLS'],
  input: z.object({
    credentials: githubCredentialsField(),
    repo_url: z
      .string()
      .meta({ description: 'The repository.', placeholder: 'https://github.com/owner/repo' }),
    state: z.enum(['open', 'closed', 'all']).default('open').meta({ description: 'Which pull requests.' }),
    limit: pageLimitField(),
  }),
  output: {
    pull_request: issueSummary.meta({ description: 'One pull request (yielded once per item).' }),
    pull_requests: z.array(issueSummary).meta({ description: 'All pull requests found.' }),
  },
  tests: [
    {
      name: 'refuses a limit over 100',
      input: { credentials: credentialsRef('github'), repo_url: 'o/r', limit: 500 },
      output: [['error', textContaining('limit')]],
    },
  ],
  async *run(input, ctx) {
    const repo = parseRepo(input.repo_url);
    const query = new URLSearchParams({ state: input.state, per_page: String(input.limit) });
    const answer = await githubJson(ctx, `${repoPath(repo)}/pulls?${query}`);
    if (!Array.isArray(answer)) throw new BlockError('GitHub sent a malformed pull request list');
    const pulls = answer.slice(0, input.limit).map(toIssueSummary);
    for (const pull of pulls) yield ['pull_request', pull];
    yield ['pull_requests', pulls];
  },
});
