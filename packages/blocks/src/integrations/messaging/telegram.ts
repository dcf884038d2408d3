import { BlockError, credentialsField, type BlockContext } from '@blockloom/sdk';
import { z } from 'zod';
import { apiKeyOf } from '../../providers/shared/credentials';
import { providerJson } from '../../providers/shared/http';
import { envBaseUrl } from '../shared/base-url';
import { asRecord, numberOf, type JsonRecord } from '../shared/json';

/** The Telegram Bot API (core.telegram.org/bots/api); TELEGRAM_BASE_URL points it at a local Bot API server. */

export const telegramCredentialsField = () =>
  credentialsField({
    providers: ['telegram'],
    types: ['api_key'],
    description: 'The bot token from @BotFather.',
  });

export const chatIdField = () =>
  z.string().meta({
    description: 'The chat’s numeric id, or @channelusername for a public channel.',
    placeholder: '-1001234567890',
  });

export const parseModeField = () =>
  z
    .enum(['none', 'MarkdownV2', 'HTML'])
    .default('none')
    .meta({ description: 'How Telegram reads formatting in the text.' });

/** The `parse_mode` parameter, left out for plain text. */
export function parseModeParam(mode: 'none' | 'MarkdownV2' | 'HTML'): { parse_mode?: string } {
  return mode === 'none' ? {} : { parse_mode: mode };
}

/** Calls a Bot API method with a JSON body and returns its `result`; a send answers with a Message. */
export async function telegramCall(ctx: BlockContext, method: string, body: JsonRecord): Promise<JsonRecord> {
  const token = apiKeyOf(ctx, 'Telegram');
  const answer = asRecord(
    await providerJson({
      provider: 'Telegram',
      // The Bot API takes the token in the path: /bot<token>/<method>.
      url: `${envBaseUrl('TELEGRAM_BASE_URL', 'https://api.telegram.org')}/bot${encodeURIComponent(token)}/${method}`,
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      signal: ctx.signal,
    }),
  );
  const result = asRecord(answer.result);
  if (answer.ok !== true || typeof result.message_id !== 'number') {
    throw new BlockError(`Telegram sent a malformed ${method} answer`);
  }
  return result;
}

/** The pins every send block yields, read from the sent Message. */
export function sentMessage(result: JsonRecord): { messageId: number; chatId: number } {
  return { messageId: numberOf(result.message_id), chatId: numberOf(asRecord(result.chat).id) };
}

export const sentOutputs = {
  message_id: z.number().meta({ description: 'The id of the sent message.' }),
  chat_id: z.number().meta({ description: 'The numeric id of the chat it was sent to.' }),
};
