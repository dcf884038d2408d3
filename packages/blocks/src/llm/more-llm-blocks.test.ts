import { runBlock } from '@blockloom/sdk';
import { describe, expect, it } from 'vitest';
import { aiConditionBlock, parseVerdict } from './ai-condition';
import { aiConversationBlock } from './ai-conversation';
import { aiListGeneratorBlock } from './ai-list-generator';
import { aiTextSummarizerBlock, chunkWords } from './ai-text-summarizer';
import { apiKey, useLlmTestServer } from './test-env';
import type { RecordedRequest } from './test-server';

const server = useLlmTestServer();
const openai = { credentials: apiKey('openai') };

type Message = { role: string; content: string };
const messagesOf = (request: RecordedRequest | undefined) => (request?.body.messages ?? []) as Message[];

function tagged(json: string) {
  return (request: RecordedRequest) => {
    const prompt = messagesOf(request)
      .map((m) => m.content)
      .join('\n');
    const id = /<json_output id="([0-9a-f]+)">/.exec(prompt)?.[1];
    return { text: `<json_output id="${id}">${json}</json_output>` };
  };
}

describe('AIConversationBlock', () => {
  it('sends the conversation and the extra prompt', async () => {
    const llm = server();
    llm.reply({ text: 'Paris.' });
    const result = await runBlock(
      aiConversationBlock,
      {
        messages: [
          { role: 'system', content: 'Be short.' },
          { role: 'user', content: 'Capital of France?' },
          { role: 'assistant', content: 'Paris.' },
        ],
        prompt: 'And of Italy?',
        model: 'gpt-4o',
      },
      openai,
    );
    expect(result.byPin.response).toEqual(['Paris.']);
    expect(messagesOf(llm.requests[0]).map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(result.byPin.prompt?.[0]).toHaveLength(4);
  });

  it('answers the conversation alone when the prompt is empty', async () => {
    const llm = server();
    llm.reply({ text: 'Hello!' });
    await runBlock(
      aiConversationBlock,
      { messages: [{ role: 'user', content: 'Hi' }], model: 'gpt-4o' },
      openai,
    );
    expect(messagesOf(llm.requests[0])).toEqual([{ role: 'user', content: 'Hi' }]);
  });
});

describe('AIListGeneratorBlock', () => {
  it('yields the list, the prompt, then each item', async () => {
    const llm = server();
    llm.reply(tagged('{"list": ["red", "green", 3]}'));
    const result = await runBlock(
      aiListGeneratorBlock,
      { focus: 'colours in the text', source_data: 'red, green and 3', model: 'gpt-4o' },
      openai,
    );
    expect(result.outputs.map(([pin]) => pin)).toEqual([
      'generated_list',
      'prompt',
      'list_item',
      'list_item',
      'list_item',
    ]);
    expect(result.byPin.generated_list).toEqual([['red', 'green', '3']]);
    expect(result.byPin.list_item).toEqual(['red', 'green', '3']);
    const user = messagesOf(llm.requests[0]).at(-1)?.content;
    expect(user).toContain('Do not invent fictional data');
    expect(user).toContain('red, green and 3');
  });

  it('asks again when "list" is not an array', async () => {
    const llm = server();
    llm.reply({ text: '{"list": "red"}' }, { text: '{"list": ["red"]}' });
    const result = await runBlock(
      aiListGeneratorBlock,
      { focus: 'colours', force_json_output: true, model: 'gpt-4o' },
      openai,
    );
    expect(result.byPin.generated_list).toEqual([['red']]);
    expect(messagesOf(llm.requests[1]).at(-1)?.content).toContain('does not hold an array');
  });
});

describe('AITextSummarizerBlock', () => {
  it('summarises a short text in one call', async () => {
    const llm = server();
    llm.reply(tagged('{"summary": "Short."}'));
    const result = await runBlock(
      aiTextSummarizerBlock,
      { text: 'A text about tea.', focus: 'tea', style: 'detailed', model: 'gpt-4o' },
      openai,
    );
    expect(result.byPin.summary).toEqual(['Short.']);
    expect(llm.requests).toHaveLength(1);
    expect(messagesOf(llm.requests[0]).at(-1)?.content).toContain('focusing on tea, in a detailed style');
  });

  it('summarises parts, then combines them', async () => {
    const llm = server();
    llm.reply(
      tagged('{"summary": "one"}'),
      tagged('{"summary": "two"}'),
      tagged('{"final_summary": "both"}'),
    );
    const words = Array.from({ length: 90 }, (_, i) => `w${i}`).join(' ');
    const result = await runBlock(
      aiTextSummarizerBlock,
      { text: words, max_tokens: 50, chunk_overlap: 10, model: 'gpt-4o' },
      openai,
    );
    expect(result.byPin.summary).toEqual(['both']);
    expect(result.stats.llm_call_count).toBe(3);
    expect(messagesOf(llm.requests[2]).at(-1)?.content).toContain('one\n\ntwo');
  });

  it('chunks words with overlap', () => {
    expect(chunkWords('a b c d e f g', 3, 1)).toEqual(['a b c', 'c d e', 'e f g']);
    expect(chunkWords('a b', 5, 2)).toEqual(['a b']);
  });
});

describe('AIConditionBlock', () => {
  it('routes to yes with the input value, and to no with the no value', async () => {
    const llm = server();
    llm.reply({ text: 'True.' }, { text: 'no' });
    const yes = await runBlock(
      aiConditionBlock,
      { input_value: 'a@b.co', condition: 'is an email', model: 'gpt-4o' },
      openai,
    );
    expect(yes.outputs.slice(0, 2)).toEqual([
      ['result', true],
      ['yes_output', 'a@b.co'],
    ]);
    expect(llm.requests[0]?.body.max_tokens).toBe(16);
    const no = await runBlock(
      aiConditionBlock,
      { input_value: 'hello', condition: 'is an email', no_value: 'bad', model: 'gpt-4o' },
      openai,
    );
    expect(no.outputs.slice(0, 2)).toEqual([
      ['result', false],
      ['no_output', 'bad'],
    ]);
  });

  it('fails on an unclear answer', async () => {
    const llm = server();
    llm.reply({ text: 'Maybe' });
    const result = await runBlock(
      aiConditionBlock,
      { input_value: 1, condition: 'is odd', model: 'gpt-4o' },
      openai,
    );
    expect(result.error).toMatch(/"Maybe" is neither true nor false/);
  });

  it('parses verdicts', () => {
    expect(['TRUE', 'yes', '1', ' True. '].map(parseVerdict)).toEqual([true, true, true, true]);
    expect(['false', 'No!', '0', 'perhaps'].map(parseVerdict)).toEqual([false, false, false, undefined]);
  });
});
