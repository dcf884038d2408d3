import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { textContaining } from '../../shared/matchers';
import { asRecord, stringOf } from '../shared/json';
import { credentialsRef } from '../shared/refs';
import { githubCredentialsField, githubJson, parseIssue, repoPath } from './client';
import { labelNames, toIssueSummary } from './shapes';

/** Blockloom block: reads one issue (or pull request) with GET /repos/{owner}/{repo}/issues/{number}. */
export const getGitHubIssueBlock = defineBlock({
  id: '5ee73f8d-47e0-4c38-a448-fea66626e155',
  name: 'GetGitHubIssueBlock',
  description:
    'Blockloom block: reads a GitHub issue or pull request: its title, body, state, author and labels.',
  categories: ['DEVELOPER_TOOLS'],
  input: z.object({
    credentials: githubCredentialsField(),
    issue_url: z.string().meta({
      description: 'The issue’s URL.',
      placeholder: 'https://github.com/owner/repo/issues/1',
    }),
  }),
  output: {
    number: z.number().meta({ description: 'The issue number.' }),
    title: z.string().meta({ description: 'The title.' }),
    body: z.string().meta({ description: 'The description (Markdown; empty when none).' }),
    state: z.string().meta({ description: '"open" or "closed".' }),
    user: z.string().meta({ description: 'The author’s login.' }),
    labels: z.array(z.string()).meta({ description: 'The label names.' }),
    url: z.string().meta({ description: 'The issue’s web address.' }),
  },
  tests: [
    {
      name: 'refuses a URL that names no issue',
      input: { credentials: credentialsRef('github'), issue_url: 'https://github.com/owner/repo' },
      output: [['error', textContaining('Not a GitHub issue URL')]],
    },
  ],
  async *run(input, ctx) {
    const ref = parseIssue(input.issue_url);
    const issue = asRecord(await githubJson(ctx, `${repoPath(ref)}/issues/${ref.number}`));
    const summary = toIssueSummary(issue);
    yield ['number', summary.number];
    yield ['title', summary.title];
    yield ['body', stringOf(issue.body)];
    yield ['state', summary.state];
    yield ['user', summary.user];
    yield ['labels', labelNames(issue.labels)];
    yield ['url', summary.url];
  },
});
