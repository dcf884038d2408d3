import {
  BlockError,
  NonRetriableError,
  credentialsField,
  defineBlock,
  type BlockContext,
} from '@blockloom/sdk';
import { z } from 'zod';
import { textContaining } from '../../shared/matchers';
import { providerBaseUrl } from '../../platform/providers';
import { field, providerJson } from '../shared/http';

const PROVIDER = 'Medium';
const publishStatuses = ['public', 'draft', 'unlisted'] as const;
const contentFormats = ['html', 'markdown'] as const;
const licenses = [
  'all-rights-reserved',
  'cc-40-by',
  'cc-40-by-sa',
  'cc-40-by-nd',
  'cc-40-by-nc',
  'cc-40-by-nc-nd',
  'cc-40-by-nc-sa',
  'cc-40-zero',
  'public-domain',
] as const;

const testCredentials = { id: 'medium-test', provider: 'medium', type: 'api_key', title: 'Medium' } as const;

/** The integration token: the resolved credentials, else the 2024 templates' plain `api_key` input. */
function tokenOf(ctx: BlockContext, legacyKey: string | undefined): string {
  const credentials = ctx.credentials.credentials;
  if (credentials?.type === 'api_key' && credentials.api_key) return credentials.api_key;
  if (legacyKey?.trim()) return legacyKey.trim();
  throw new NonRetriableError('No Medium credentials were provided (a Medium integration token is needed)');
}

/** Medium wraps every answer in `{data: …}`. */
function dataOf(body: unknown, what: string): Record<string, unknown> {
  const data = field(body, 'data');
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new BlockError(`Medium sent a malformed ${what} response (no data object)`);
  }
  return data as Record<string, unknown>;
}

/** Publishes a post on the token owner's Medium profile (POST /v1/users/{authorId}/posts). */
export const publishToMediumBlock = defineBlock({
  id: '3f7b2dcb-4a78-4e3f-b0f1-88132e1b89df',
  name: 'PublishToMediumBlock',
  description: 'Publishes a post to Medium, as public, draft or unlisted.',
  categories: ['SOCIAL'],
  input: z.object({
    author_id: z.string().default('').meta({
      description:
        'The Medium user id to publish as; left empty, it is looked up from the token (GET /v1/me).',
      placeholder: '1a2b3c4d5e6f',
    }),
    title: z.string().meta({ description: 'The title of the post.', placeholder: 'My first post' }),
    content: z.string().meta({ description: 'The body of the post, in HTML or Markdown.' }),
    content_format: z
      .enum(contentFormats)
      .meta({ description: 'The format of the content: "html" or "markdown".', placeholder: 'markdown' }),
    tags: z.array(z.string()).meta({
      description: 'Tags for the post; Medium keeps the first three.',
      placeholder: '["AI", "Tech"]',
    }),
    canonical_url: z
      .string()
      .nullish()
      .meta({ description: 'The original home of the content, if it was published elsewhere first.' }),
    publish_status: z
      .enum(publishStatuses)
      .meta({ description: 'Whether to publish publicly, as a draft, or unlisted.', placeholder: 'public' }),
    license: z
      .enum(licenses)
      .default('all-rights-reserved')
      .meta({ description: 'The license of the post.' }),
    notify_followers: z.boolean().default(false).meta({ description: 'Whether to notify your followers.' }),
    // Optional so the 2024 templates (which carried a plain `api_key` instead) still load.
    credentials: credentialsField({
      providers: ['medium'],
      types: ['api_key'],
      description: 'A Medium integration token (medium.com → Settings → Security and apps).',
    }).optional(),
    api_key: z.string().optional().meta({
      hidden: true,
      description: 'Legacy: an integration token given as plain input (2024 templates).',
    }),
  }),
  output: {
    post_id: z.string().meta({ description: 'The id of the new post.' }),
    post_url: z.string().meta({ description: 'The URL of the new post.' }),
    published_at: z.number().int().meta({ description: 'When it was published, in ms since the epoch.' }),
  },
  tests: [
    {
      name: 'fails clearly without a token',
      input: {
        title: 'Hello',
        content: '# Hello',
        content_format: 'markdown',
        tags: [],
        publish_status: 'draft',
        api_key: '',
      },
      output: [['error', textContaining('No Medium credentials')]],
    },
    {
      name: 'refuses an empty title before calling Medium',
      input: {
        credentials: testCredentials,
        title: ' ',
        content: 'x',
        content_format: 'html',
        tags: [],
        publish_status: 'draft',
      },
      credentials: { credentials: { ...testCredentials, api_key: 'unused' } },
      output: [['error', textContaining('title')]],
    },
  ],
  async *run(input, ctx) {
    const token = tokenOf(ctx, input.api_key);
    if (!input.title.trim()) {
      yield ['error', 'The post title must not be empty'];
      return;
    }
    const base = `${providerBaseUrl('medium', 'https://api.medium.com')}/v1`;
    const headers = {
      Authorization: `Bearer ${token}`,
      Accept: 'application/json',
      'Accept-Charset': 'utf-8',
    };
    let authorId = input.author_id.trim();
    if (!authorId) {
      const me = dataOf(
        await providerJson({ provider: PROVIDER, url: `${base}/me`, headers, signal: ctx.signal }),
        'user',
      );
      if (typeof me.id !== 'string') throw new BlockError('Medium sent a user without an id');
      authorId = me.id;
    }
    const post = dataOf(
      await providerJson({
        provider: PROVIDER,
        url: `${base}/users/${encodeURIComponent(authorId)}/posts`,
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          title: input.title,
          contentFormat: input.content_format,
          content: input.content,
          tags: input.tags,
          ...(input.canonical_url ? { canonicalUrl: input.canonical_url } : {}),
          publishStatus: input.publish_status,
          license: input.license,
          notifyFollowers: input.notify_followers,
        }),
        signal: ctx.signal,
      }),
      'post',
    );
    if (typeof post.id !== 'string' || typeof post.url !== 'string') {
      throw new BlockError('Medium sent a post without an id or URL');
    }
    yield ['post_id', post.id];
    yield ['post_url', post.url];
    // Drafts have no publication time; Medium then omits `publishedAt`.
    yield ['published_at', typeof post.publishedAt === 'number' ? post.publishedAt : 0];
  },
});
