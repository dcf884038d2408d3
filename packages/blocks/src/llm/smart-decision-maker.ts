import { BlockError, defineBlock } from '@blockloom/sdk';
import { z } from 'zod';
import { textContaining } from '../shared/matchers';
import { conversationHistoryField, retryField } from './ai-structured-response-generator';
import { callLlm, type LlmResponse } from './call';
import {
  chargeUnlistedModel,
  legacyApiKeyField,
  llmCosts,
  llmCredentialsField,
  maxTokensField,
  modelField,
  modelTarget,
  ollamaHostField,
  promptOutput,
  promptValuesField,
} from './fields';
import { normaliseMessages, toPlainMessage, type LlmMessage } from './messages';
import { outputTokenLimit, renderPrompt } from './prompt';
import { answerPendingCalls, toolCallProblem, toolFunctions, type ToolFunction } from './tool-conversation';

interface SdmInput {
  prompt: string;
  sys_prompt: string;
  conversation_history: unknown[];
  last_tool_output?: unknown;
  prompt_values: Record<string, unknown>;
}

/**
 * The conversation of this turn: the history (with the last tool output put back), the system prompt and the
 * prompt, each added only when the history doesn't carry it yet, as when the block's own `conversations`
 * output loops back into `conversation_history`.
 */
function conversation(input: SdmInput): LlmMessage[] {
  const messages = answerPendingCalls(normaliseMessages(input.conversation_history), input.last_tool_output);
  const has = (role: 'system' | 'user', content: string) =>
    messages.some((m) => m.role === role && m.content === content);
  const sysPrompt = renderPrompt(input.sys_prompt, input.prompt_values, 'sys_prompt');
  if (sysPrompt.trim() !== '' && !has('system', sysPrompt))
    messages.unshift({ role: 'system', content: sysPrompt });
  const prompt = renderPrompt(input.prompt, input.prompt_values, 'prompt');
  if (prompt.trim() !== '' && !has('user', prompt)) messages.push({ role: 'user', content: prompt });
  return messages;
}

/** Bad calls are answered with an error result each, so the model can call again in the next attempt. */
function correction(answer: LlmResponse, problems: readonly (string | undefined)[]): LlmMessage[] {
  return [
    { role: 'assistant', content: answer.text, toolCalls: answer.toolCalls },
    ...answer.toolCalls.map((call, index): LlmMessage => ({
      role: 'tool',
      toolCallId: call.id,
      toolName: call.name,
      content: problems[index]
        ? `Error: ${problems[index]}. Call the tool again correctly.`
        : 'Not run, because another call of this turn was invalid. Call it again.',
    })),
  ];
}

/** Lets a model pick the tools (linked nodes) to run, with which arguments. */
export const smartDecisionMakerBlock = defineBlock({
  id: '3b191d9f-356f-482d-8238-ba04b6d18381',
  name: 'SmartDecisionMakerBlock',
  description:
    'Uses AI to decide which tool to use: the blocks and agents linked from its tools pin. Each chosen ' +
    'tool gets the arguments the model picked; with no tool to call, the model’s answer comes out on finished.',
  categories: ['AI'],
  type: 'AI',
  input: z.object({
    prompt: z.string().meta({ description: 'The task for the model; may use {{NAME}} placeholders.' }),
    model: modelField(),
    credentials: llmCredentialsField(),
    sys_prompt: z
      .string()
      .default('')
      .meta({ description: 'The system prompt; may use {{NAME}} placeholders.' }),
    conversation_history: conversationHistoryField(),
    last_tool_output: z.unknown().default(null).meta({
      description: 'The output of the tool called last, given back to the model as that call’s result.',
    }),
    retry: retryField(),
    prompt_values: promptValuesField(),
    max_tokens: maxTokensField(),
    ollama_host: ollamaHostField(),
    api_key: legacyApiKeyField(),
  }),
  output: {
    tools: z.unknown().meta({ description: 'Tool arguments, one pin per linked tool input.' }),
    finished: z.string().meta({ description: 'The model’s answer when it calls no tool.' }),
    conversations: z.array(z.record(z.string(), z.unknown())).meta({
      description: 'The conversation including the model’s reply; link it back to conversation_history.',
    }),
    prompt: promptOutput(),
  },
  costs: llmCosts(),
  tests: [
    {
      name: 'fails clearly without credentials',
      input: { prompt: 'Pick a tool', model: 'gpt-4o' },
      output: [['error', textContaining('Missing credentials', 'openai')]],
    },
  ],
  async *run(input, ctx) {
    const target = modelTarget(input, ctx);
    const functions = toolFunctions(ctx.tools ?? []);
    const specs = [...functions.values()].map((fn) => fn.spec);
    let messages = conversation(input);
    const attempts = Math.max(1, input.retry);
    let answer: LlmResponse | undefined;
    let lastProblem = '';
    for (let attempt = 1; attempt <= attempts && !answer; attempt++) {
      const maxTokens = outputTokenLimit(target.model.info, messages, input.max_tokens);
      const reply = await callLlm(ctx, {
        ...target,
        messages,
        tools: specs,
        ...(maxTokens ? { maxTokens } : {}),
      });
      const problems = reply.toolCalls.map((call) => toolCallProblem(call, functions));
      const problem = problems.find((p) => p !== undefined);
      if (problem === undefined) answer = reply;
      else {
        lastProblem = problem;
        if (attempt < attempts) messages = [...messages, ...correction(reply, problems)];
      }
    }
    if (!answer)
      throw new BlockError(`The model made no valid tool call after ${attempts} attempts: ${lastProblem}`);
    chargeUnlistedModel(ctx, target);
    const reply: LlmMessage = {
      role: 'assistant',
      content: answer.text,
      ...(answer.toolCalls.length > 0 ? { toolCalls: answer.toolCalls } : {}),
    };
    if (answer.toolCalls.length === 0) yield ['finished', answer.text];
    for (const call of answer.toolCalls) {
      const { target: node } = functions.get(call.name) as ToolFunction;
      const args = call.arguments as Record<string, unknown>;
      for (const field of node.fields) {
        // A per-node pin the engine routes to that node's field; it counts as the declared `tools` pin.
        const pin = `tools_^_${node.nodeId}_~_${field}` as 'tools';
        yield [pin, args[field] ?? null];
      }
    }
    yield ['conversations', [...messages, reply].map(toPlainMessage)];
    yield ['prompt', messages.map(toPlainMessage)];
  },
});
