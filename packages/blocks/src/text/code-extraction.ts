import { defineBlock } from '@blockloom/sdk';
import { z } from 'zod';

/**
 * The output pin of each language and the fence tags that name it. AutoGPT's JSON pin is `json_code`: a
 * pydantic field can't be called `json`.
 */
const languages = {
  html: ['html', 'htm'],
  css: ['css'],
  javascript: ['javascript', 'js', 'jsx'],
  python: ['python', 'py'],
  sql: ['sql'],
  java: ['java'],
  cpp: ['cpp', 'c++'],
  csharp: ['csharp', 'c#', 'cs'],
  json_code: ['json'],
  bash: ['bash', 'sh', 'shell', 'zsh'],
  php: ['php'],
  ruby: ['ruby', 'rb'],
  yaml: ['yaml', 'yml'],
  markdown: ['markdown', 'md'],
  typescript: ['typescript', 'ts', 'tsx'],
  xml: ['xml'],
} as const;
type LanguagePin = keyof typeof languages;
const languagePins = Object.keys(languages) as LanguagePin[];

const pinOfTag = new Map<string, LanguagePin>(
  languagePins.flatMap((pin) => languages[pin].map((tag) => [tag, pin] as const)),
);

/** A fenced block: three backticks, a tag, the code, three closing backticks. */
const fence = /```[ \t]*([^\s`]*)[^\n]*\n([\s\S]*?)```/g;

function extract(text: string): { code: Map<LanguagePin, string[]>; remaining: string } {
  const code = new Map<LanguagePin, string[]>();
  const remaining = text.replace(fence, (whole, tag: string, body: string) => {
    const pin = pinOfTag.get(tag.toLowerCase());
    if (!pin) return whole; // unknown or missing language: the fence stays in the remaining text
    const snippet = body.trim();
    if (snippet) code.set(pin, [...(code.get(pin) ?? []), snippet]);
    return '';
  });
  return { code, remaining: remaining.replace(/\n{3,}/g, '\n\n').trim() };
}

const languageOutputs = Object.fromEntries(
  languagePins.map((pin) => [pin, z.string().meta({ description: `The ${languages[pin][0]} code found.` })]),
) as Record<LanguagePin, z.ZodString>;

/** Splits fenced code blocks out of a text (usually an LLM answer), one output per language. */
export const codeExtractionBlock = defineBlock({
  id: 'd3a7d896-3b78-4f44-8b4b-48fbf4f0bcd8',
  name: 'CodeExtractionBlock',
  description: 'Extracts fenced code blocks from a text, by programming language, and the text around them.',
  categories: ['TEXT'],
  input: z.object({
    text: z.string().meta({ description: 'The text holding fenced code blocks, such as an AI answer.' }),
  }),
  output: {
    ...languageOutputs,
    remaining_text: z.string().meta({ description: 'The text without the extracted code blocks.' }),
  },
  tests: [
    {
      name: 'extracts code by language and keeps the prose',
      input: {
        text: 'Here is a page:\n```html\n<h1>Hi</h1>\n```\nStyled:\n```CSS\nh1 { color: red; }\n```\nDone.',
      },
      output: [
        ['html', '<h1>Hi</h1>'],
        ['css', 'h1 { color: red; }'],
        ['remaining_text', 'Here is a page:\n\nStyled:\n\nDone.'],
      ],
    },
    {
      name: 'joins blocks of one language with a blank line',
      input: { text: '```py\nprint(1)\n```\n```python\nprint(2)\n```\n```json\n{"a": 1}\n```' },
      output: [
        ['python', 'print(1)\n\nprint(2)'],
        ['json_code', '{"a": 1}'],
      ],
    },
    {
      name: 'leaves unknown languages in the remaining text',
      input: { text: 'Run:\n```rust\nfn main() {}\n```' },
      output: [['remaining_text', 'Run:\n```rust\nfn main() {}\n```']],
    },
    { name: 'outputs nothing for empty text', input: { text: '' }, output: [] },
  ],
  async *run(input) {
    const { code, remaining } = extract(input.text);
    for (const pin of languagePins) {
      const snippets = code.get(pin);
      if (snippets) yield [pin, snippets.join('\n\n')];
    }
    if (remaining) yield ['remaining_text', remaining];
  },
});
