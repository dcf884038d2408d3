/**
 * Test-only blocks with made-up ids (plus HumanInTheLoop) that exercise one validation, schema or export
 * rule each.
 */
import { z } from 'zod';
import { credentialsField, type AnyBlock } from '@blockloom/sdk';
import { isRecord } from './json';
import { block } from './test-block-kit';

export const syntheticIds = {
  humanInTheLoop: '8b2a7b3c-6e9d-4a5f-8c1b-2e3f4a5b6c7d',
  webhook: '00000000-0000-4000-8000-000000000001',
  dependent: '00000000-0000-4000-8000-000000000002',
  disabled: '00000000-0000-4000-8000-000000000003',
  github: '00000000-0000-4000-8000-000000000004',
  optionalKey: '00000000-0000-4000-8000-000000000005',
  discriminated: '00000000-0000-4000-8000-000000000006',
  bareAgent: '00000000-0000-4000-8000-000000000007',
  dynamicOutputs: '00000000-0000-4000-8000-000000000008',
} as const;

export const syntheticBlocks: AnyBlock[] = [
  block({
    id: syntheticIds.humanInTheLoop,
    name: 'HumanInTheLoopBlock',
    type: 'Human In The Loop',
    input: z.object({ data: z.unknown(), name: z.string() }),
    output: { approved_data: z.unknown(), rejected_data: z.unknown() },
  }),
  block({
    id: syntheticIds.webhook,
    name: 'TestWebhookTriggerBlock',
    categories: ['INPUT'],
    type: 'Webhook',
    input: z.object({ payload: z.record(z.string(), z.unknown()).default({}) }),
    output: { payload: z.unknown() },
  }),
  block({
    id: syntheticIds.dependent,
    name: 'DependentFieldsBlock',
    input: z.object({
      mode: z.string().nullish(),
      detail: z
        .string()
        .nullish()
        .meta({ depends_on: ['mode'] }),
      level: z
        .string()
        .default('low')
        .meta({ depends_on: ['mode'] }),
      password_hint: z.boolean().default(false),
      passphrase: z.string().nullish().meta({ secret: true }),
      nested: z.object({ inner: z.string().meta({ secret: true }) }).nullish(),
    }),
    output: { out: z.string() },
  }),
  block({
    id: syntheticIds.disabled,
    name: 'RetiredBlock',
    disabled: true,
    input: z.object({ x: z.string().nullish() }),
    output: { y: z.string() },
  }),
  block({
    id: syntheticIds.github,
    name: 'GithubIssueBlock',
    categories: ['DEVELOPER_TOOLS'],
    input: z.object({
      repo: z.string().default('x'),
      credentials: credentialsField({
        providers: ['github'],
        types: ['oauth2', 'api_key'],
        scopes: ['repo'],
      }),
    }),
    output: { url: z.string() },
  }),
  block({
    id: syntheticIds.optionalKey,
    name: 'OptionalKeyBlock',
    input: z.object({
      github_credentials: credentialsField({
        providers: ['github'],
        types: ['api_key', 'oauth2'],
        scopes: ['gist'],
      }).optional(),
    }),
    output: { ok: z.boolean() },
  }),
  block({
    id: syntheticIds.discriminated,
    name: 'FlavouredProviderBlock',
    categories: ['AI'],
    input: z.object({
      flavour: z.enum(['a', 'b']).nullish(),
      credentials: credentialsField({
        providers: ['openai', 'anthropic'],
        types: ['api_key'],
        discriminator: 'flavour',
        discriminatorMapping: { a: 'openai', b: 'anthropic' },
      }),
    }),
    output: { out: z.string() },
  }),
  // An Agent-type block without pin hooks: validation reads the child schemas from its constants.
  block({
    id: syntheticIds.bareAgent,
    name: 'BareAgentBlock',
    type: 'Agent',
    input: z.object({ input_schema: z.record(z.string(), z.unknown()).default({}) }),
    output: {},
  }),
  // A Standard block whose output pins come from a hook: its declared pins (and `error`) stay valid.
  block({
    id: syntheticIds.dynamicOutputs,
    name: 'DynamicOutputsBlock',
    input: z.object({ pins: z.array(z.string()).default([]) }),
    output: { status: z.string() },
    dynamic: {
      outputPins: (inputDefault) => (Array.isArray(inputDefault.pins) ? inputDefault.pins.map(String) : []),
      inputPins: (inputDefault) =>
        isRecord(inputDefault.accepts) ? Object.keys(inputDefault.accepts) : undefined,
    },
  }),
];
