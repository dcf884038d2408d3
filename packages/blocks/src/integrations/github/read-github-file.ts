import { BlockError, defineBlock, NonRetriableError } from '@blockloom/sdk';
import { z } from 'zod';
import { asRecord, numberOf, stringOf } from '../shared/json';
import { credentialsRef } from '../shared/refs';
import { githubCredentialsField, githubJson, parseRepo, repoPath } from './client';

/** The Contents API inlines files up to 1 MB; larger ones come back without content. */
const MAX_INLINE_BYTES = 1024 * 1024;

/** Blockloom block: reads a file with GET /repos/{owner}/{repo}/contents/{path}?ref={branch}. */
export const readGitHubFileBlock = defineBlock({
  id: 'b06c1a2a-1233-4962-922b-ed4666225e7f',
  name: 'ReadGitHubFileBlock',
  description: 'Blockloom block: reads a file from a GitHub repository, as text and as base64.',
  categories: ['DEVELOPER_TOOLS'],
  input: z.object({
    credentials: githubCredentialsField(),
    repo_url: z
      .string()
      .meta({ description: 'The repository.', placeholder: 'https://github.com/owner/repo' }),
    file_path: z
      .string()
      .meta({ description: 'The file’s path in the repository.', placeholder: 'README.md' }),
    branch: z
      .string()
      .default('')
      .meta({ description: 'A branch, tag or commit; empty for the default branch.' }),
  }),
  output: {
    text_content: z.string().meta({ description: 'The file decoded as UTF-8.' }),
    raw_content: z.string().meta({ description: 'The file’s bytes, base64-encoded.' }),
    size: z.number().meta({ description: 'The file size in bytes.' }),
  },
  tests: [
    {
      name: 'refuses an empty path before calling GitHub',
      input: { credentials: credentialsRef('github'), repo_url: 'owner/repo', file_path: ' / ' },
      output: [['error', 'The file path must not be empty']],
    },
  ],
  async *run(input, ctx) {
    const repo = parseRepo(input.repo_url);
    const path = input.file_path.trim().replace(/^\/+|\/+$/g, '');
    if (!path) {
      yield ['error', 'The file path must not be empty'];
      return;
    }
    const encodedPath = path.split('/').map(encodeURIComponent).join('/');
    const ref = input.branch.trim();
    const query = ref ? `?ref=${encodeURIComponent(ref)}` : '';
    const answer = await githubJson(ctx, `${repoPath(repo)}/contents/${encodedPath}${query}`);
    if (Array.isArray(answer)) throw new NonRetriableError(`"${path}" is a directory, not a file`);
    const file = asRecord(answer);
    if (file.type !== 'file')
      throw new NonRetriableError(`"${path}" is a ${stringOf(file.type, 'non-file')}, not a file`);
    const size = numberOf(file.size);
    if (file.encoding !== 'base64' || typeof file.content !== 'string') {
      if (size > MAX_INLINE_BYTES)
        throw new NonRetriableError(`"${path}" is larger than 1 MB, which the Contents API does not inline`);
      throw new BlockError('GitHub sent a file without base64 content');
    }
    // GitHub wraps the base64 text at 60 columns.
    const raw = file.content.replace(/\s+/g, '');
    yield ['text_content', Buffer.from(raw, 'base64').toString('utf8')];
    yield ['raw_content', raw];
    yield ['size', size];
  },
});
