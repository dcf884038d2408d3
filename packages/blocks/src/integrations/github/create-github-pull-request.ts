import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { credentialsRef } from '../shared/refs';
import { githubCredentialsField, githubJson, parseRepo, repoPath } from './client';
import { toIssueSummary } from './shapes';

/** Blockloom block: opens a pull request with POST /repos/{owner}/{repo}/pulls. */
export const createGitHubPullRequestBlock = defineBlock({
  id: 'ebf5c66c-8d2c-4f7b-aaff-54f3bee0fa12',
  name: 'CreateGitHubPullRequestBlock',
  description:
    'Blockloom block: opens a pull request from one branch into another in a GitHub repository, optionally as a draft.',
  categories: ['DEVELOPER_TOOLS'],
  input: z.object({
    credentials: githubCredentialsField(),
    repo_url: z
      .string()
      .meta({ description: 'The repository.', placeholder: 'https://github.com/owner/repo' }),
    title: z.string().meta({ description: 'The pull request title.' }),
    head: z.string().meta({
      description: 'The branch with the changes ("feature", or "user:feature" from a fork).',
      placeholder: 'feature-branch',
    }),
    base: z.string().meta({ description: 'The branch to merge into.', placeholder: 'main' }),
    body: z.string().default('').meta({ description: 'The description (Markdown).' }),
    draft: z.boolean().default(false).meta({ description: 'Open as a draft.' }),
  }),
  output: {
    number: z.number().meta({ description: 'The new pull request’s number.' }),
    url: z.string().meta({ description: 'The new pull request’s web address.' }),
  },
  tests: [
    {
      name: 'refuses a missing branch before calling GitHub',
      input: { credentials: credentialsRef('github'), repo_url: 'o/r', title: 'x', head: ' ', base: 'main' },
      output: [['error', 'Both the head and the base branch are needed']],
    },
  ],
  async *run(input, ctx) {
    const repo = parseRepo(input.repo_url);
    const head = input.head.trim();
    const base = input.base.trim();
    if (!head || !base) {
      yield ['error', 'Both the head and the base branch are needed'];
      return;
    }
    if (!input.title.trim()) {
      yield ['error', 'The pull request title must not be empty'];
      return;
    }
    const created = toIssueSummary(
      await githubJson(ctx, `${repoPath(repo)}/pulls`, {
        method: 'POST',
        body: { title: input.title, head, base, body: input.body, draft: input.draft },
      }),
    );
    yield ['number', created.number];
    yield ['url', created.url];
  },
});
