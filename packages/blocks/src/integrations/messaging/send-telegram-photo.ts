import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { textContaining } from '../../shared/matchers';
import { credentialsRef } from '../shared/refs';
import {
  chatIdField,
  parseModeField,
  parseModeParam,
  sentMessage,
  sentOutputs,
  telegramCall,
  telegramCredentialsField,
} from './telegram';

/** Telegram's limit for a media caption. */
const MAX_CAPTION_CHARS = 1024;

/**
 * Blockloom block: sends a photo by URL with the Bot API's sendPhoto. Telegram downloads the image itself, so
 * the URL never reaches this server (no SSRF surface) but must be public.
 */
export const sendTelegramPhotoBlock = defineBlock({
  id: 'a4e7a5af-dcdc-4620-aad6-36c5d7e2d0af',
  name: 'SendTelegramPhotoBlock',
  description:
    'Blockloom block: sends an image from a public URL (e.g. an AI-generated picture) to a Telegram chat as your bot, with an optional caption.',
  categories: ['COMMUNICATION', 'MULTIMEDIA'],
  input: z.object({
    credentials: telegramCredentialsField(),
    chat_id: chatIdField(),
    photo_url: z
      .string()
      .meta({ description: 'A public http(s) URL of the image (Telegram fetches it, up to 5 MB).' }),
    caption: z.string().default('').meta({ description: 'A caption, up to 1024 characters.' }),
    parse_mode: parseModeField(),
  }),
  output: sentOutputs,
  tests: [
    {
      name: 'refuses a photo URL that is not http(s)',
      input: { credentials: credentialsRef('telegram'), chat_id: '1', photo_url: 'file:///tmp/x.png' },
      output: [['error', textContaining('http(s) URL')]],
    },
    {
      name: 'refuses a caption over Telegram’s limit',
      input: {
        credentials: credentialsRef('telegram'),
        chat_id: '1',
        photo_url: 'https://example.com/a.png',
        caption: 'x'.repeat(1025),
      },
      output: [['error', 'The caption is 1025 characters; Telegram allows 1024']],
    },
  ],
  async *run(input, ctx) {
    const chatId = input.chat_id.trim();
    if (!chatId) {
      yield ['error', 'The chat id must not be empty'];
      return;
    }
    const photo = input.photo_url.trim();
    if (!/^https?:\/\/\S+$/i.test(photo)) {
      yield ['error', 'The photo must be given as a public http(s) URL'];
      return;
    }
    if (input.caption.length > MAX_CAPTION_CHARS) {
      yield [
        'error',
        `The caption is ${input.caption.length} characters; Telegram allows ${MAX_CAPTION_CHARS}`,
      ];
      return;
    }
    const sent = sentMessage(
      await telegramCall(ctx, 'sendPhoto', {
        chat_id: chatId,
        photo,
        ...(input.caption ? { caption: input.caption, ...parseModeParam(input.parse_mode) } : {}),
      }),
    );
    yield ['message_id', sent.messageId];
    yield ['chat_id', sent.chatId];
  },
});
