import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { textContaining } from '../../shared/matchers';
import { credentialsRef } from '../shared/refs';
import { githubCredentialsField, githubJson, parseRepo, repoPath } from './client';
import { toIssueSummary } from './shapes';

/** Blockloom block: opens an issue with POST /repos/{owner}/{repo}/issues. */
export const createGitHubIssueBlock = defineBlock({
  id: 'dd82b13e-7471-4660-a0a9-40f657fc07dc',
  name: 'CreateGitHubIssueBlock',
  description:
    'Blockloom block: creates an issue in a GitHub repository, optionally with labels and assignees.',
  categories: ['DEVELOPER_TOOLS'],
  input: z.object({
    credentials: githubCredentialsField(),
    repo_url: z
      .string()
      .meta({ description: 'The repository.', placeholder: 'https://github.com/owner/repo' }),
    title: z.string().meta({ description: 'The issue title.' }),
    body: z.string().default('').meta({ description: 'The description (Markdown).' }),
    labels: z.array(z.string()).default([]).meta({ description: 'Labels to add (need push access).' }),
    assignees: z
      .array(z.string())
      .default([])
      .meta({ description: 'Logins to assign (need push access).', advanced: true }),
  }),
  output: {
    number: z.number().meta({ description: 'The new issue’s number.' }),
    url: z.string().meta({ description: 'The new issue’s web address.' }),
  },
  tests: [
    {
      name: 'refuses an empty title before calling GitHub',
      input: { credentials: credentialsRef('github'), repo_url: 'owner/repo', title: '  ' },
      output: [['error', 'The issue title must not be empty']],
    },
    {
      name: 'refuses something that is not a repository',
      input: { credentials: credentialsRef('github'), repo_url: 'just-a-name', title: 'x' },
      output: [['error', textContaining('Not a GitHub repository')]],
    },
  ],
  async *run(input, ctx) {
    const repo = parseRepo(input.repo_url);
    if (!input.title.trim()) {
      yield ['error', 'The issue title must not be empty'];
      return;
    }
    const created = toIssueSummary(
      await githubJson(ctx, `${repoPath(repo)}/issues`, {
        method: 'POST',
        body: {
          title: input.title,
          body: input.body,
          ...(input.labels.length > 0 ? { labels: input.labels } : {}),
          ...(input.assignees.length > 0 ? { assignees: input.assignees } : {}),
        },
      }),
    );
    yield ['number', created.number];
    yield ['url', created.url];
  },
});
