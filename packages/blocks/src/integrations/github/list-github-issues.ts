import { BlockError, defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { textContaining } from '../../shared/matchers';
import { asRecord } from '../shared/json';
import { credentialsRef } from '../shared/refs';
import { githubCredentialsField, githubJson, parseRepo, repoPath } from './client';
import { issueSummary, toIssueSummary } from './shapes';
import { pageLimitField } from './shapes';

/**
 * Blockloom block: lists issues with GET /repos/{owner}/{repo}/issues. That endpoint also returns pull
 * requests (they carry a `pull_request` key); they are left out, so the result holds issues only.
 */
export const listGitHubIssuesBlock = defineBlock({
  id: 'c00e40a0-4e04-4252-9af1-d905fa3afa2a',
  name: 'ListGitHubIssuesBlock',
  description:
    'Blockloom block: lists the issues of a GitHub repository (not pull requests), optionally by label, yielding each one and the whole list.',
  categories: ['DEVELOPER_TOOLS'],
  input: z.object({
    credentials: githubCredentialsField(),
    repo_url: z
      .string()
      .meta({ description: 'The repository.', placeholder: 'https://github.com/owner/repo' }),
    state: z.enum(['open', 'closed', 'all']).default('open').meta({ description: 'Which issues.' }),
    labels: z
      .array(z.string())
      .default([])
      .meta({ description: 'Only issues carrying every one of these labels.' }),
    limit: pageLimitField(),
  }),
  output: {
    issue: issueSummary.meta({ description: 'One issue (yielded once per item).' }),
    issues: z.array(issueSummary).meta({ description: 'All issues found.' }),
  },
  tests: [
    {
      name: 'refuses a URL that is not a repository',
      input: { credentials: credentialsRef('github'), repo_url: 'https://github.com/' },
      output: [['error', textContaining('Not a GitHub repository')]],
    },
  ],
  async *run(input, ctx) {
    const repo = parseRepo(input.repo_url);
    const query = new URLSearchParams({ state: input.state, per_page: String(input.limit) });
    if (input.labels.length > 0) query.set('labels', input.labels.join(','));
    const answer = await githubJson(ctx, `${repoPath(repo)}/issues?${query}`);
    if (!Array.isArray(answer)) throw new BlockError('GitHub sent a malformed issue list');
    const issues = answer
      .filter((item) => asRecord(item).pull_request === undefined)
      .slice(0, input.limit)
      .map(toIssueSummary);
    for (const issue of issues) yield ['issue', issue];
    yield ['issues', issues];
  },
});
