import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { textContaining } from '../../shared/matchers';
import { postWebhook } from './webhook';

/** Blockloom block: posts to a Slack incoming webhook (api.slack.com/messaging/webhooks). */
export const sendSlackWebhookMessageBlock = defineBlock({
  id: 'c60cd367-5065-463a-ac3c-b8768c59e1d9',
  name: 'SendSlackWebhookMessageBlock',
  description:
    'Blockloom block: sends a message to a Slack channel through an incoming webhook URL (Slack mrkdwn formatting applies).',
  categories: ['COMMUNICATION'],
  input: z.object({
    webhook_url: z.string().meta({
      description: 'The incoming webhook URL Slack gave for the channel; it is a secret.',
      placeholder: 'https://hooks.slack.com/services/…',
      secret: true,
    }),
    text: z.string().meta({ description: 'The message (Slack mrkdwn).' }),
  }),
  output: { status: z.string().meta({ description: 'What Slack answered ("ok").' }) },
  tests: [
    {
      name: 'refuses an empty message',
      input: { webhook_url: 'https://hooks.slack.com/services/x', text: ' ' },
      output: [['error', 'The message must not be empty']],
    },
    {
      name: 'refuses a private address',
      input: { webhook_url: 'http://127.0.0.1:9/hook', text: 'hi' },
      output: [['error', textContaining('Refused')]],
    },
  ],
  async *run(input, ctx) {
    if (!input.text.trim()) {
      yield ['error', 'The message must not be empty'];
      return;
    }
    const response = await postWebhook({
      provider: 'Slack',
      webhookUrl: input.webhook_url,
      payload: { text: input.text },
      signal: ctx.signal,
    });
    yield ['status', response.text().trim() || 'ok'];
  },
});
