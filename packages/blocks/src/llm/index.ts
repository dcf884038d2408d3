import type { AnyBlock } from '@blockloom/sdk';
import { aiConditionBlock } from './ai-condition';
import { aiConversationBlock } from './ai-conversation';
import { aiListGeneratorBlock } from './ai-list-generator';
import { aiStructuredResponseGeneratorBlock } from './ai-structured-response-generator';
import { aiTextGeneratorBlock } from './ai-text-generator';
import { aiTextSummarizerBlock } from './ai-text-summarizer';
import { smartDecisionMakerBlock } from './smart-decision-maker';

export {
  aiConditionBlock,
  aiConversationBlock,
  aiListGeneratorBlock,
  aiStructuredResponseGeneratorBlock,
  aiTextGeneratorBlock,
  aiTextSummarizerBlock,
  smartDecisionMakerBlock,
};

/** The LLM blocks on the Vercel AI SDK (OpenAI, Anthropic, Groq, OpenRouter, Ollama, OpenAI-compatible endpoints). */
export const llmBlocks: readonly AnyBlock[] = [
  aiTextGeneratorBlock,
  aiStructuredResponseGeneratorBlock,
  aiConversationBlock,
  aiListGeneratorBlock,
  aiTextSummarizerBlock,
  aiConditionBlock,
  smartDecisionMakerBlock,
];
