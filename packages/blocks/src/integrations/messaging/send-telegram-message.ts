import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
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

/** Telegram's limit for one message's text, after entities are parsed. */
const MAX_TEXT_CHARS = 4096;

/** Blockloom block: sends a message with the Bot API's sendMessage (core.telegram.org/bots/api#sendmessage). */
export const sendTelegramMessageBlock = defineBlock({
  id: 'f6cfd8cb-4804-4b40-a302-9fc487b781bd',
  name: 'SendTelegramMessageBlock',
  description:
    'Blockloom block: sends a text message to a Telegram chat, group or channel as your bot (the bot must be a member).',
  categories: ['COMMUNICATION'],
  input: z.object({
    credentials: telegramCredentialsField(),
    chat_id: chatIdField(),
    text: z.string().meta({ description: 'The message, up to 4096 characters.' }),
    parse_mode: parseModeField(),
    disable_notification: z
      .boolean()
      .default(false)
      .meta({ description: 'Deliver silently.', advanced: true }),
  }),
  output: sentOutputs,
  tests: [
    {
      name: 'refuses an empty chat id before calling Telegram',
      input: { credentials: credentialsRef('telegram'), chat_id: '', text: 'hi' },
      output: [['error', 'The chat id must not be empty']],
    },
    {
      name: 'refuses text over Telegram’s limit',
      input: { credentials: credentialsRef('telegram'), chat_id: '1', text: 'x'.repeat(4097) },
      output: [['error', 'The message is 4097 characters; Telegram allows 4096']],
    },
  ],
  async *run(input, ctx) {
    const chatId = input.chat_id.trim();
    if (!chatId) {
      yield ['error', 'The chat id must not be empty'];
      return;
    }
    if (!input.text.trim()) {
      yield ['error', 'The message must not be empty'];
      return;
    }
    if (input.text.length > MAX_TEXT_CHARS) {
      yield ['error', `The message is ${input.text.length} characters; Telegram allows ${MAX_TEXT_CHARS}`];
      return;
    }
    const sent = sentMessage(
      await telegramCall(ctx, 'sendMessage', {
        chat_id: chatId,
        text: input.text,
        ...parseModeParam(input.parse_mode),
        disable_notification: input.disable_notification,
      }),
    );
    yield ['message_id', sent.messageId];
    yield ['chat_id', sent.chatId];
  },
});
