import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { asRecord, numberOf, stringOf } from '../shared/json';
import { credentialsRef } from '../shared/refs';
import { githubCredentialsField, githubJson, parseIssue, repoPath } from './client';

/** Blockloom block: comments with POST /repos/{owner}/{repo}/issues/{number}/comments (pull requests too). */
export const commentOnGitHubIssueBlock = defineBlock({
  id: '7753e61c-cad7-4f78-98e3-e944f1ab981c',
  name: 'CommentOnGitHubIssueBlock',
  description: 'Blockloom block: posts a comment on a GitHub issue or pull request.',
  categories: ['DEVELOPER_TOOLS'],
  input: z.object({
    credentials: githubCredentialsField(),
    issue_url: z.string().meta({
      description: 'The issue or pull request URL.',
      placeholder: 'https://github.com/owner/repo/issues/1',
    }),
    comment: z.string().meta({ description: 'The comment (Markdown).' }),
  }),
  output: {
    id: z.number().meta({ description: 'The comment’s id.' }),
    url: z.string().meta({ description: 'The comment’s web address.' }),
  },
  tests: [
    {
      name: 'refuses an empty comment before calling GitHub',
      input: {
        credentials: credentialsRef('github'),
        issue_url: 'https://github.com/o/r/pull/3',
        comment: '',
      },
      output: [['error', 'The comment must not be empty']],
    },
  ],
  async *run(input, ctx) {
    const ref = parseIssue(input.issue_url);
    if (!input.comment.trim()) {
      yield ['error', 'The comment must not be empty'];
      return;
    }
    const comment = asRecord(
      await githubJson(ctx, `${repoPath(ref)}/issues/${ref.number}/comments`, {
        method: 'POST',
        body: { body: input.comment },
      }),
    );
    yield ['id', numberOf(comment.id)];
    yield ['url', stringOf(comment.html_url)];
  },
});
