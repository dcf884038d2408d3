import type { AnyBlock } from '@blockloom/sdk';

/** The LLM blocks on the Vercel AI SDK (OpenAI, Anthropic, Groq, OpenRouter, Ollama, OpenAI-compatible endpoints). */
export const llmBlocks: readonly AnyBlock[] = [];
