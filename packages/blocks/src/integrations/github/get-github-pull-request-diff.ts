import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { textContaining } from '../../shared/matchers';
import { credentialsRef } from '../shared/refs';
import { githubCredentialsField, githubText, parseIssue, repoPath } from './client';

/** Diffs past this size are cut, so one huge pull request can't flood an LLM prompt downstream. */
const DEFAULT_MAX_CHARS = 100_000;

/**
 * Blockloom block: the unified diff of a pull request (GET /repos/{owner}/{repo}/pulls/{number} with the
 * `application/vnd.github.diff` media type), e.g. for an AI code review agent.
 */
export const getGitHubPullRequestDiffBlock = defineBlock({
  id: '6a01c906-7ef0-4797-8471-d2525bef363a',
  name: 'GetGitHubPullRequestDiffBlock',
  description:
    'Blockloom block: gets the unified diff of a GitHub pull request, e.g. to have an AI review the changes.',
  categories: ['DEVELOPER_TOOLS'],
  input: z.object({
    credentials: githubCredentialsField(),
    pr_url: z.string().meta({
      description: 'The pull request’s URL.',
      placeholder: 'https://github.com/owner/repo/pull/1',
    }),
    max_chars: z
      .number()
      .int()
      .min(1)
      .default(DEFAULT_MAX_CHARS)
      .meta({ description: 'Cut the diff after this many characters.', advanced: true }),
  }),
  output: {
    diff: z.string().meta({ description: 'The unified diff (cut at max_chars).' }),
    truncated: z.boolean().meta({ description: 'Whether the diff was cut.' }),
  },
  tests: [
    {
      name: 'refuses a URL that names no pull request',
      input: { credentials: credentialsRef('github'), pr_url: 'https://github.com/o/r/tree/main' },
      output: [['error', textContaining('Not a GitHub issue URL')]],
    },
  ],
  async *run(input, ctx) {
    const ref = parseIssue(input.pr_url);
    const diff = await githubText(ctx, `${repoPath(ref)}/pulls/${ref.number}`, 'application/vnd.github.diff');
    const truncated = diff.length > input.max_chars;
    yield ['diff', truncated ? diff.slice(0, input.max_chars) : diff];
    yield ['truncated', truncated];
  },
});
