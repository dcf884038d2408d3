import { NonRetriableError, RetryAfterError } from '@blockloom/sdk';
import { describe, expect, it } from 'vitest';
import { setEnv, useFakeProvider } from '../../providers/shared/fake-server';
import { apiKeyCredentials, runForTest } from '../../providers/shared/test-run';
import { githubBaseUrl, parseIssue, parseRepo } from './client';
import { commentOnGitHubIssueBlock } from './comment-on-github-issue';
import { createGitHubIssueBlock } from './create-github-issue';
import { createGitHubPullRequestBlock } from './create-github-pull-request';
import { getGitHubIssueBlock } from './get-github-issue';
import { getGitHubPullRequestDiffBlock } from './get-github-pull-request-diff';
import { listGitHubIssuesBlock } from './list-github-issues';
import { listGitHubPullRequestsBlock } from './list-github-pull-requests';
import { readGitHubFileBlock } from './read-github-file';

const { ref, resolved } = apiKeyCredentials('github', 'ghp_token');
const startGitHub = useFakeProvider((url) => ({ GITHUB_BASE_URL: `${url}/api/v3/` }));

const issue = (number: number, extra: Record<string, unknown> = {}) => ({
  number,
  title: `Issue ${number}`,
  state: 'open',
  html_url: `https://github.com/o/r/issues/${number}`,
  user: { login: 'ada' },
  ...extra,
});

describe('GitHub references', () => {
  it('reads repository and issue URLs', () => {
    expect(parseRepo('https://github.com/o/r.git')).toEqual({ owner: 'o', repo: 'r' });
    expect(parseRepo(' o/r/tree/main ')).toEqual({ owner: 'o', repo: 'r' });
    expect(parseIssue('https://github.com/o/r/pull/42')).toEqual({ owner: 'o', repo: 'r', number: 42 });
    expect(() => parseIssue('https://github.com/o/r/issues/x')).toThrow('Not a GitHub issue URL');
    expect(() => parseRepo('https://github.com/o%20x/r')).toThrow('Not a GitHub repository');
  });

  it('defaults to api.github.com', () => {
    const restore = setEnv({ GITHUB_BASE_URL: undefined });
    try {
      expect(githubBaseUrl()).toBe('https://api.github.com');
    } finally {
      restore();
    }
  });
});

describe('GetGitHubIssueBlock', () => {
  it('reads the issue with the documented headers', async () => {
    const fake = await startGitHub(() => ({
      body: issue(7, { body: 'Details', labels: [{ name: 'bug' }, { name: 'p1' }] }),
    }));
    const run = await runForTest(
      getGitHubIssueBlock,
      { credentials: ref, issue_url: 'https://github.com/o/r/issues/7' },
      { credentials: resolved },
    );
    expect(run.outputs).toEqual([
      ['number', 7],
      ['title', 'Issue 7'],
      ['body', 'Details'],
      ['state', 'open'],
      ['user', 'ada'],
      ['labels', ['bug', 'p1']],
      ['url', 'https://github.com/o/r/issues/7'],
    ]);
    const [request] = fake.requests;
    expect(request?.path).toBe('/api/v3/repos/o/r/issues/7');
    expect(request?.headers.authorization).toBe('Bearer ghp_token');
    expect(request?.headers.accept).toBe('application/vnd.github+json');
    expect(request?.headers['x-github-api-version']).toBe('2022-11-28');
  });

  it('maps a 404 to a non-retriable error quoting GitHub', async () => {
    await startGitHub(() => ({ status: 404, body: { message: 'Not Found' } }));
    const run = await runForTest(
      getGitHubIssueBlock,
      { credentials: ref, issue_url: 'o/r/issues/1' },
      { credentials: resolved },
    );
    expect(run.error).toBeInstanceOf(NonRetriableError);
    expect((run.error as Error).message).toBe('GitHub rejected the request (HTTP 404): Not Found');
  });

  it('maps a rate limit to a retry', async () => {
    await startGitHub(() => ({
      status: 429,
      headers: { 'retry-after': '60' },
      body: { message: 'slow down' },
    }));
    const run = await runForTest(
      getGitHubIssueBlock,
      { credentials: ref, issue_url: 'o/r/issues/1' },
      { credentials: resolved },
    );
    expect(run.error).toBeInstanceOf(RetryAfterError);
    expect((run.error as RetryAfterError).retryAfterMs).toBe(60_000);
  });

  it('needs resolved credentials', async () => {
    const fake = await startGitHub(() => ({ body: issue(1) }));
    const run = await runForTest(getGitHubIssueBlock, { credentials: ref, issue_url: 'o/r/issues/1' });
    expect((run.error as Error).message).toBe('No GitHub credentials were provided');
    expect(fake.requests).toHaveLength(0);
  });
});

describe('CreateGitHubIssueBlock', () => {
  it('posts title, body and labels', async () => {
    const fake = await startGitHub(() => ({ status: 201, body: issue(12) }));
    const run = await runForTest(
      createGitHubIssueBlock,
      {
        credentials: ref,
        repo_url: 'https://github.com/o/r',
        title: 'Bug',
        body: 'It broke',
        labels: ['bug'],
      },
      { credentials: resolved },
    );
    expect(run.outputs).toEqual([
      ['number', 12],
      ['url', 'https://github.com/o/r/issues/12'],
    ]);
    const [request] = fake.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/api/v3/repos/o/r/issues');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request?.text ?? '')).toEqual({ title: 'Bug', body: 'It broke', labels: ['bug'] });
  });

  it('maps 401 to "key refused"', async () => {
    await startGitHub(() => ({ status: 401, body: { message: 'Bad credentials' } }));
    const run = await runForTest(
      createGitHubIssueBlock,
      { credentials: ref, repo_url: 'o/r', title: 'x' },
      { credentials: resolved },
    );
    expect((run.error as Error).message).toContain('GitHub refused the API key (HTTP 401): Bad credentials');
  });
});

describe('CommentOnGitHubIssueBlock', () => {
  it('posts the comment on the issue', async () => {
    const fake = await startGitHub(() => ({
      status: 201,
      body: { id: 99, html_url: 'https://github.com/o/r/issues/3#issuecomment-99' },
    }));
    const run = await runForTest(
      commentOnGitHubIssueBlock,
      { credentials: ref, issue_url: 'https://github.com/o/r/pull/3', comment: 'LGTM' },
      { credentials: resolved },
    );
    expect(run.outputs).toEqual([
      ['id', 99],
      ['url', 'https://github.com/o/r/issues/3#issuecomment-99'],
    ]);
    expect(fake.requests[0]?.path).toBe('/api/v3/repos/o/r/issues/3/comments');
    expect(JSON.parse(fake.requests[0]?.text ?? '')).toEqual({ body: 'LGTM' });
  });
});

describe('ListGitHubPullRequestsBlock', () => {
  it('yields each pull request, then the list', async () => {
    const fake = await startGitHub(() => ({ body: [issue(1), issue(2)] }));
    const run = await runForTest(
      listGitHubPullRequestsBlock,
      { credentials: ref, repo_url: 'o/r', state: 'all', limit: 5 },
      { credentials: resolved },
    );
    const summary = (n: number) => ({
      number: n,
      title: `Issue ${n}`,
      state: 'open',
      url: `https://github.com/o/r/issues/${n}`,
      user: 'ada',
    });
    expect(run.outputs).toEqual([
      ['pull_request', summary(1)],
      ['pull_request', summary(2)],
      ['pull_requests', [summary(1), summary(2)]],
    ]);
    expect(fake.requests[0]?.path).toBe('/api/v3/repos/o/r/pulls?state=all&per_page=5');
  });

  it('refuses an answer that is not a list', async () => {
    await startGitHub(() => ({ body: { message: 'odd' } }));
    const run = await runForTest(
      listGitHubPullRequestsBlock,
      { credentials: ref, repo_url: 'o/r' },
      { credentials: resolved },
    );
    expect((run.error as Error).message).toBe('GitHub sent a malformed pull request list');
  });
});

describe('ListGitHubIssuesBlock', () => {
  it('filters by labels and leaves pull requests out', async () => {
    const fake = await startGitHub(() => ({ body: [issue(1), issue(2, { pull_request: {} })] }));
    const run = await runForTest(
      listGitHubIssuesBlock,
      { credentials: ref, repo_url: 'o/r', labels: ['bug', 'ui'] },
      { credentials: resolved },
    );
    expect(run.outputs.map(([pin]) => pin)).toEqual(['issue', 'issues']);
    expect(run.outputs[1]?.[1]).toHaveLength(1);
    expect(fake.requests[0]?.path).toBe('/api/v3/repos/o/r/issues?state=open&per_page=30&labels=bug%2Cui');
  });
});

describe('ReadGitHubFileBlock', () => {
  const content = Buffer.from('# Hello\nWorld ✓\n').toString('base64');

  it('decodes the base64 content of the file at the branch', async () => {
    const wrapped = `${content.slice(0, 10)}\n${content.slice(10)}\n`;
    const fake = await startGitHub(() => ({
      body: { type: 'file', encoding: 'base64', size: 17, content: wrapped },
    }));
    const run = await runForTest(
      readGitHubFileBlock,
      { credentials: ref, repo_url: 'o/r', file_path: '/docs/read me.md', branch: 'dev' },
      { credentials: resolved },
    );
    expect(run.outputs).toEqual([
      ['text_content', '# Hello\nWorld ✓\n'],
      ['raw_content', content],
      ['size', 17],
    ]);
    expect(fake.requests[0]?.path).toBe('/api/v3/repos/o/r/contents/docs/read%20me.md?ref=dev');
  });

  it('refuses a directory', async () => {
    await startGitHub(() => ({ body: [{ type: 'file', name: 'a' }] }));
    const run = await runForTest(
      readGitHubFileBlock,
      { credentials: ref, repo_url: 'o/r', file_path: 'src' },
      { credentials: resolved },
    );
    expect(run.error).toBeInstanceOf(NonRetriableError);
    expect((run.error as Error).message).toBe('"src" is a directory, not a file');
  });
});

describe('CreateGitHubPullRequestBlock', () => {
  it('posts head, base and draft', async () => {
    const fake = await startGitHub(() => ({
      status: 201,
      body: { number: 8, html_url: 'https://github.com/o/r/pull/8', state: 'open', title: 'Add x', user: {} },
    }));
    const run = await runForTest(
      createGitHubPullRequestBlock,
      { credentials: ref, repo_url: 'o/r', title: 'Add x', head: 'feat', base: 'main', draft: true },
      { credentials: resolved },
    );
    expect(run.outputs).toEqual([
      ['number', 8],
      ['url', 'https://github.com/o/r/pull/8'],
    ]);
    expect(fake.requests[0]?.path).toBe('/api/v3/repos/o/r/pulls');
    expect(JSON.parse(fake.requests[0]?.text ?? '')).toEqual({
      title: 'Add x',
      head: 'feat',
      base: 'main',
      body: '',
      draft: true,
    });
  });

  it('reports a validation failure as non-retriable', async () => {
    await startGitHub(() => ({ status: 422, body: { message: 'Validation Failed' } }));
    const run = await runForTest(
      createGitHubPullRequestBlock,
      { credentials: ref, repo_url: 'o/r', title: 'x', head: 'a', base: 'a' },
      { credentials: resolved },
    );
    expect(run.error).toBeInstanceOf(NonRetriableError);
    expect((run.error as Error).message).toBe('GitHub rejected the request (HTTP 422): Validation Failed');
  });
});

describe('GetGitHubPullRequestDiffBlock', () => {
  const diff = 'diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-old\n+new\n';

  it('asks for the diff media type and cuts long diffs', async () => {
    const fake = await startGitHub(() => ({ body: diff }));
    const whole = await runForTest(
      getGitHubPullRequestDiffBlock,
      { credentials: ref, pr_url: 'https://github.com/o/r/pull/5' },
      { credentials: resolved },
    );
    expect(whole.outputs).toEqual([
      ['diff', diff],
      ['truncated', false],
    ]);
    expect(fake.requests[0]?.path).toBe('/api/v3/repos/o/r/pulls/5');
    expect(fake.requests[0]?.headers.accept).toBe('application/vnd.github.diff');
    expect(fake.requests[0]?.headers.authorization).toBe('Bearer ghp_token');
    const cut = await runForTest(
      getGitHubPullRequestDiffBlock,
      { credentials: ref, pr_url: 'o/r/pull/5', max_chars: 10 },
      { credentials: resolved },
    );
    expect(cut.outputs).toEqual([
      ['diff', diff.slice(0, 10)],
      ['truncated', true],
    ]);
  });

  it('maps a missing pull request', async () => {
    await startGitHub(() => ({ status: 404, body: { message: 'Not Found' } }));
    const run = await runForTest(
      getGitHubPullRequestDiffBlock,
      { credentials: ref, pr_url: 'o/r/pull/999' },
      { credentials: resolved },
    );
    expect((run.error as Error).message).toBe('GitHub rejected the request (HTTP 404): Not Found');
  });
});
