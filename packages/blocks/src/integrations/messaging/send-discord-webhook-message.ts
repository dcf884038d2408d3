import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { asRecord, stringOf } from '../shared/json';
import { postWebhook } from './webhook';

/** Discord's limit for a message's `content`. */
const MAX_CONTENT_CHARS = 2000;

/** Blockloom block: posts to a Discord channel webhook (discord.com/developers/docs/resources/webhook). */
export const sendDiscordWebhookMessageBlock = defineBlock({
  id: '6a7ad8b1-9631-4ac8-838e-84d5b1679fca',
  name: 'SendDiscordWebhookMessageBlock',
  description:
    'Blockloom block: sends a message to a Discord channel through a webhook URL, optionally under another name and avatar.',
  categories: ['COMMUNICATION'],
  input: z.object({
    webhook_url: z.string().meta({
      description: 'The channel webhook URL (Channel settings → Integrations → Webhooks); it is a secret.',
      placeholder: 'https://discord.com/api/webhooks/…',
      secret: true,
    }),
    content: z.string().meta({ description: 'The message (Discord Markdown, up to 2000 characters).' }),
    username: z
      .string()
      .default('')
      .meta({ description: 'Post under this name instead of the webhook’s.', advanced: true }),
    avatar_url: z
      .string()
      .default('')
      .meta({ description: 'Post with this avatar image URL.', advanced: true }),
  }),
  output: {
    message_id: z.string().meta({ description: 'The id of the posted message.' }),
    channel_id: z.string().meta({ description: 'The channel it was posted in.' }),
  },
  tests: [
    {
      name: 'refuses a message over Discord’s limit',
      input: { webhook_url: 'https://discord.com/api/webhooks/1/x', content: 'x'.repeat(2001) },
      output: [['error', 'The message is 2001 characters; Discord allows 2000']],
    },
    {
      name: 'refuses a URL that is no URL',
      input: { webhook_url: 'not a url', content: 'hi' },
      output: [['error', 'The Discord webhook URL is not a valid URL']],
    },
  ],
  async *run(input, ctx) {
    const content = input.content;
    if (!content.trim()) {
      yield ['error', 'The message must not be empty'];
      return;
    }
    if (content.length > MAX_CONTENT_CHARS) {
      yield ['error', `The message is ${content.length} characters; Discord allows ${MAX_CONTENT_CHARS}`];
      return;
    }
    let url = input.webhook_url.trim();
    try {
      // `wait=true` makes Discord answer with the created message instead of an empty 204.
      const withWait = new URL(url);
      withWait.searchParams.set('wait', 'true');
      url = withWait.href;
    } catch {
      // postWebhook reports the invalid URL.
    }
    const payload = {
      content,
      ...(input.username.trim() ? { username: input.username.trim() } : {}),
      ...(input.avatar_url.trim() ? { avatar_url: input.avatar_url.trim() } : {}),
      // Only plain text goes out: @everyone and role mentions in generated text must not ping anyone.
      allowed_mentions: { parse: [] },
    };
    const response = await postWebhook({ provider: 'Discord', webhookUrl: url, payload, signal: ctx.signal });
    let message: Record<string, unknown> = {};
    try {
      message = asRecord(response.json());
    } catch {
      // An empty body (a proxy that drops `wait`) still means the message was accepted.
    }
    yield ['message_id', stringOf(message.id)];
    yield ['channel_id', stringOf(message.channel_id)];
  },
});
