import type { RecordedRequest, ScriptedAnswer } from '../../packages/blocks/src/llm/test-server';

/**
 * The answers of the fake LLM the compatibility runs use: a function of the request, so every agent gets a
 * reply in the shape its prompt asks for (tagged JSON, XML tags, an `<email>` tag, or plain text) without a
 * per-agent script. Every text answer starts with `FAKE_LLM_MARK`, so tests can tell it reached an output.
 */

export const FAKE_LLM_MARK = '[fake-llm]';

type Json = Record<string, unknown>;

/** The text of a message's content: a string, or the text parts of a parts array. */
function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part) => (typeof (part as Json | null)?.text === 'string' ? String((part as Json).text) : ''))
    .join('\n');
}

/** Every message of an OpenAI or Anthropic request body (Anthropic sends the system prompt apart). */
function messagesOf(body: Json): { role: string; text: string }[] {
  const messages = Array.isArray(body.messages) ? (body.messages as Json[]) : [];
  const system = contentText(body.system);
  return [
    ...(system ? [{ role: 'system', text: system }] : []),
    ...messages.map((message) => ({ role: String(message.role), text: contentText(message.content) })),
  ];
}

/** One line of at most `max` characters, for quoting the prompt back. */
function excerpt(text: string, max = 160): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max)}…` : line;
}

/** The keys AIStructuredResponseGenerator's format instructions list (`json-answer.ts`). */
function expectedKeys(instructions: string): string[] {
  const shape = /these keys \(key: what it holds\):\n(\{[\s\S]*?\n\})/.exec(instructions)?.[1];
  if (!shape) return [];
  try {
    return Object.keys(JSON.parse(shape) as Json);
  } catch {
    return [];
  }
}

/** AIListGenerator asking for "the top N YouTube video urls": the first N watch URLs of the source data. */
function listItems(prompt: string): string[] {
  const count = Number(/top (\d+)/i.exec(prompt)?.[1] ?? 3);
  const urls = [...new Set(prompt.match(/https:\/\/www\.youtube\.com\/watch\?v=[\w-]{11}/g) ?? [])];
  if (urls.length > 0) return urls.slice(0, count);
  return Array.from({ length: count }, (_, i) => `${FAKE_LLM_MARK} item ${i + 1}`);
}

/** A JSON answer with every expected key, wrapped in the run's `<json_output>` tag. */
function structuredAnswer(all: string, tagId: string, prompt: string): string {
  const value: Json = {};
  for (const key of expectedKeys(all)) {
    value[key] =
      key === 'list'
        ? listItems(prompt)
        : `${FAKE_LLM_MARK} ${key.toLowerCase()} about ${excerpt(prompt, 60)}`;
  }
  return `<json_output id="${tagId}">${JSON.stringify(value)}</json_output>`;
}

/** What a plain answer quotes: the transcript the prompt carries, if any (so outputs show where they came from). */
function quoted(prompt: string): string {
  const transcript = /<(\w*transcript)>\s*([\s\S]*?)<\/\1>/.exec(prompt)?.[2];
  return excerpt(transcript && transcript.trim() ? transcript : prompt);
}

/** The reply text for a request, shaped by what its prompt asks for. */
export function fakeLlmText(body: Json): string {
  const messages = messagesOf(body);
  const all = messages.map((message) => message.text).join('\n');
  const prompt = messages.filter((message) => message.role === 'user').at(-1)?.text ?? all;
  const tagId = /<json_output id="([0-9a-f]+)">/.exec(all)?.[1];
  if (tagId) return structuredAnswer(all, tagId, prompt);
  if (all.includes('<blog_post></blog_post>')) {
    // Exactly what the blog converter's prompt asks for: three sibling tags, no root element.
    return (
      `<title>${FAKE_LLM_MARK} A blog title</title>\n` +
      `<blog_post>${FAKE_LLM_MARK} A blog post based on: ${quoted(prompt)}</blog_post>\n` +
      '<keywords>agents, automation</keywords>'
    );
  }
  if (all.includes('<email></email>')) {
    return `<thoughts_or_comments>${FAKE_LLM_MARK} found one</thoughts_or_comments>\n<email>contact@example.com</email>`;
  }
  return `${FAKE_LLM_MARK} ${quoted(prompt)}`;
}

export function fakeLlmAnswer(request: RecordedRequest): ScriptedAnswer {
  return { text: fakeLlmText(request.body) };
}
