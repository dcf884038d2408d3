/**
 * Test-only blocks for this package's tests (not exported from index.ts). They mimic the ids, types and pins
 * of the AutoGPT blocks the compat agents use (blocks §1.1, §1.10); the real blocks live in
 * @blockloom/blocks, which this package must not import.
 */
import { z } from 'zod';
import { createBlockRegistry, credentialsField, type AnyBlock } from '@blockloom/sdk';
import { isRecord, propertiesOf, requiredOf } from './json';
import { block } from './test-block-kit';
import { syntheticBlocks, syntheticIds } from './test-blocks-synthetic';

export const ids = {
  agentInput: 'c0a8e994-ebf1-4a9c-a4d8-89d09c86741b',
  shortText: '7fcd3bcb-8e1b-4e69-903d-32d3d4a92158',
  longText: '90a56ffb-7024-4b2b-ab50-e26c5e5ab8ba',
  dropdown: '655d6fdf-a334-421c-b733-520549c07cd1',
  agentOutput: '363ae599-353e-4804-937e-b2ee3cef3da4',
  calculator: 'b1ab9b19-67a6-406d-abf5-2dba76d00c79',
  agentExecutor: 'e189baac-8c20-45a1-94a7-55177ea42565',
  textGenerator: '1f292d4a-41a4-4977-9684-7c8d560b9f91',
  extractWebsite: '436c3984-57fd-4b85-8e9a-459b356883bd',
  note: 'cc10ff7b-7753-4ff2-9af6-9399b1a7eddc',
  ...syntheticIds,
} as const;

const io = {
  name: z.string(),
  title: z.string().nullish(),
  description: z.string().nullish(),
  advanced: z.boolean().default(false),
  secret: z.boolean().default(false),
};

function inputBlock(spec: { id: string; name: string; value: z.ZodType; extra?: Record<string, z.ZodType> }) {
  const { id, name, value, extra } = spec;
  return block({
    id,
    name,
    categories: ['INPUT', 'BASIC'],
    type: 'Input',
    staticOutput: true,
    input: z.object({ ...io, value, placeholder_values: z.array(z.string()).default([]), ...extra }),
    output: { result: z.unknown() },
  });
}

const text = (format: string) => z.string().meta({ format }).nullable().default(null).describe('Text input');

/** Model -> provider for the models the compat agents use (a subset of AutoGPT's LLM mapping). */
export const llmProviderByModel: Record<string, string> = {
  'gpt-4o': 'openai',
  'gpt-4o-mini': 'openai',
  o1: 'openai',
  'o3-mini': 'openai',
  'claude-sonnet-4-5-20250929': 'anthropic',
  'llama-3.3-70b-versatile': 'groq',
};
const llmProviders = [...new Set(Object.values(llmProviderByModel))];
const models = Object.keys(llmProviderByModel) as [string, ...string[]];

function childSchema(inputDefault: Record<string, unknown>, key: string): Record<string, unknown> {
  const schema = inputDefault[key];
  return isRecord(schema) ? schema : {};
}

export const testBlocks: AnyBlock[] = [
  inputBlock({
    id: ids.agentInput,
    name: 'AgentInputBlock',
    value: z.unknown().default(null).describe('The value'),
  }),
  inputBlock({ id: ids.shortText, name: 'AgentShortTextInputBlock', value: text('short-text') }),
  inputBlock({ id: ids.longText, name: 'AgentLongTextInputBlock', value: text('long-text') }),
  inputBlock({
    id: ids.dropdown,
    name: 'AgentDropdownInputBlock',
    value: z.string().nullable().default(null),
    extra: { options: z.array(z.string()).default([]) },
  }),
  block({
    id: ids.agentOutput,
    name: 'AgentOutputBlock',
    categories: ['OUTPUT', 'BASIC'],
    type: 'Output',
    staticOutput: true,
    input: z.object({
      ...io,
      value: z.unknown().default(null).describe('The value to record'),
      format: z.string().default(''),
      escape_html: z.boolean().default(false),
    }),
    output: { output: z.unknown(), name: z.unknown() },
  }),
  block({
    id: ids.calculator,
    name: 'CalculatorBlock',
    categories: ['LOGIC'],
    input: z.object({
      operation: z.enum(['Add', 'Subtract', 'Multiply', 'Divide', 'Power']).default('Add'),
      a: z.number(),
      b: z.number(),
      round_result: z.boolean().default(false),
    }),
    output: { result: z.number() },
  }),
  block({
    id: ids.agentExecutor,
    name: 'AgentExecutorBlock',
    categories: ['AGENT'],
    type: 'Agent',
    input: z.object({
      user_id: z.string(),
      graph_id: z.string(),
      graph_version: z.number().int(),
      agent_name: z.string().nullish(),
      inputs: z.record(z.string(), z.unknown()).default({}),
      input_schema: z.record(z.string(), z.unknown()),
      output_schema: z.record(z.string(), z.unknown()),
    }),
    output: {},
    dynamic: {
      inputDefaults: (inputDefault) => childSchema(inputDefault, 'inputs'),
      missingInput: (data, inputDefault) =>
        requiredOf(childSchema(inputDefault, 'input_schema')).filter((name) => !(name in data)),
      inputPins: (inputDefault) => Object.keys(propertiesOf(childSchema(inputDefault, 'input_schema'))),
      outputPins: (inputDefault) => Object.keys(propertiesOf(childSchema(inputDefault, 'output_schema'))),
    },
  }),
  block({
    id: ids.textGenerator,
    name: 'AITextGeneratorBlock',
    categories: ['AI'],
    input: z.object({
      prompt: z.string(),
      model: z.enum(models).default('gpt-4o'),
      credentials: credentialsField({
        providers: llmProviders,
        types: ['api_key'],
        discriminator: 'model',
        discriminatorMapping: llmProviderByModel,
      }),
      sys_prompt: z.string().default(''),
      retry: z.number().int().default(3),
      prompt_values: z.record(z.string(), z.string()).default({}),
      ollama_host: z.string().default('localhost:11434'),
    }),
    output: { response: z.string(), prompt: z.unknown() },
  }),
  block({
    id: ids.extractWebsite,
    name: 'ExtractWebsiteContentBlock',
    categories: ['SEARCH'],
    input: z.object({
      url: z.string(),
      raw_content: z.boolean().default(false),
      credentials: credentialsField({ providers: ['jina'], types: ['api_key'] }),
    }),
    output: { content: z.string() },
  }),
  block({
    id: ids.note,
    name: 'NoteBlock',
    type: 'Note',
    input: z.object({ text: z.string().default('') }),
    output: { output: z.string() },
  }),
  ...syntheticBlocks,
];

export const testRegistry = createBlockRegistry(testBlocks);
