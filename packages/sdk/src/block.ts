import { z } from 'zod';
import {
  blockCategories,
  blockTypesWithoutErrorPin,
  type BlockCategory,
  type BlockCostType,
  type BlockType,
} from './constants';
import {
  type Credentials,
  type CredentialsFieldInfo,
  isCredentialsFieldName,
  CREDENTIALS_META_KEY,
} from './credentials';
import { BlockDefinitionError } from './errors';
import { inputJsonSchema, outputJsonSchema, type JsonSchema } from './schema';

export interface BlockCost {
  cost_amount: number;
  cost_filter: Record<string, unknown>;
  cost_type: BlockCostType;
  cost_divisor?: number;
}

export interface BlockLogger {
  debug(message: string, data?: Record<string, unknown>): void;
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

/** Which run, graph and node a block executes for; empty strings when a block runs outside a graph. */
export interface ExecutionIds {
  userId: string;
  graphId: string;
  graphVersion: number;
  graphExecId: string;
  nodeId: string;
  nodeExecId: string;
}

/** Counters a block adds to its node's stats (AutoGPT's `NodeExecutionStats`, §3.7). */
export interface NodeStatsDelta {
  llm_call_count?: number;
  llm_retry_count?: number;
  input_token_count?: number;
  output_token_count?: number;
  extra_cost?: number;
  extra_steps?: number;
  [key: string]: number | undefined;
}

export interface AgentRunRequest {
  graphId: string;
  graphVersion: number;
  inputs: Record<string, unknown>;
  nodesInputMasks?: Record<string, Record<string, unknown>> | null;
}
export type AgentRunEvent =
  | { type: 'output'; name: string; value: unknown }
  | { type: 'finished'; graphExecId: string; status: string; cost: number; nodeCount: number };

/** Runs another graph as a child of the current run (used by AgentExecutor); cancelled through `signal`. */
export interface AgentRunner {
  run(request: AgentRunRequest, signal: AbortSignal): AsyncIterable<AgentRunEvent>;
}

export type StorageScope = 'within_agent' | 'across_agents';

/**
 * Durable key-value storage for a block, kept per user; `within_agent` keys are also scoped to the graph
 * (PersistInformation / RetrieveInformation, catalogue §1.7).
 */
export interface BlockStorage {
  get(key: string, scope: StorageScope): Promise<unknown>;
  set(key: string, value: unknown, scope: StorageScope): Promise<void>;
}

/**
 * A tool an AI block may call (SmartDecisionMaker): one node linked from the block's `tools` pin. The
 * engine builds these from the graph; each argument the model chooses is yielded on the pin
 * `tools_^_{nodeId}_~_{field}`, which the engine delivers to that node's `field`.
 */
export interface ToolTarget {
  nodeId: string;
  blockId: string;
  /** A function name for the model: the node's custom name or its block's name, made unique. */
  name: string;
  description: string;
  /** JSON Schema of the arguments: the target's input fields that tool links connect to. */
  parameters: JsonSchema;
  /** The target's input fields linked from `tools`. */
  fields: string[];
}

export interface BlockContext {
  /** Aborted when the run is cancelled or the node's time cap runs out. */
  signal: AbortSignal;
  logger: BlockLogger;
  ids: ExecutionIds;
  /** Resolved credentials (secret included) by input field name. */
  credentials: Record<string, Credentials>;
  /** The user's IANA timezone ("UTC" when unset). */
  timezone: string;
  stats: { add(delta: NodeStatsDelta): void };
  /** Present when the block runs inside the engine. */
  agents?: AgentRunner;
  /** Present when the block runs inside the engine. */
  storage?: BlockStorage;
  /** The nodes linked from this node's `tools` pin, for blocks that call tools. */
  tools?: ToolTarget[];
}

/**
 * Hooks for blocks whose pins depend on the node (AgentExecutor: its pins are the child graph's inputs and
 * outputs). Every hook receives the node's constant inputs (`input_default`).
 */
export interface DynamicPins {
  /** Constants merged under link data (AutoGPT's `get_input_defaults`). Default: `inputDefault` itself. */
  inputDefaults?(inputDefault: Record<string, unknown>): Record<string, unknown>;
  /** Required fields still missing from the merged data. Default: the input schema's required fields. */
  missingInput?(data: Record<string, unknown>, inputDefault: Record<string, unknown>): string[];
  /** A validation message for the merged data, or undefined. Default: the input schema check. */
  mismatchError?(data: Record<string, unknown>, inputDefault: Record<string, unknown>): string | undefined;
  /** The block's input built from the merged data. Default: the merged data. */
  buildInput?(data: Record<string, unknown>, inputDefault: Record<string, unknown>): Record<string, unknown>;
  /** Pin names links may use, for graph validation; undefined means "any". */
  inputPins?(inputDefault: Record<string, unknown>): string[] | undefined;
  outputPins?(inputDefault: Record<string, unknown>): string[] | undefined;
}

type Outputs = Record<string, z.ZodType>;

/** A `[pin, value]` pair a block yields, typed from its output schemas; `error` is always allowed. */
export type BlockYield<O extends Outputs> =
  { [K in keyof O & string]: readonly [K, z.input<O[K]>] }[keyof O & string] | readonly ['error', string];

export type OutputMatcher = unknown;
/** One self-test: the input a node would receive, and the exact outputs in yield order. */
export interface BlockTestCase<I extends z.ZodObject = z.ZodObject> {
  name?: string;
  input: Partial<z.input<I>> & Record<string, unknown>;
  /** Expected `[pin, value]` pairs in order; a function value is a predicate. */
  output: ReadonlyArray<readonly [string, unknown]>;
  credentials?: Record<string, Credentials>;
  /** Extra context (e.g. a fake `agents` runner, a timezone). */
  context?: Partial<BlockContext>;
  /** The constant inputs of the node, for dynamic-pin blocks. */
  inputDefault?: Record<string, unknown>;
}

export interface BlockDefinition<I extends z.ZodObject, O extends Outputs> {
  /** A 36-character id that never changes (AutoGPT's block id for the blocks we share). */
  id: string;
  /** The class name, e.g. `CalculatorBlock`. */
  name: string;
  description: string;
  categories: readonly BlockCategory[];
  type?: BlockType;
  input: I;
  output: O;
  staticOutput?: boolean;
  costs?: readonly BlockCost[];
  contributors?: readonly string[];
  disabled?: boolean;
  /** Wall-clock cap per run in seconds; null for none; default: the engine's. */
  timeoutSeconds?: number | null;
  /** Retries of plain `BlockError`s before anything was yielded (RetryAfterError always retries). */
  retry?: { attempts: number; backoffMs?: number };
  dynamic?: DynamicPins;
  tests: readonly BlockTestCase<I>[];
  run(input: z.output<I>, ctx: BlockContext): AsyncGenerator<BlockYield<O>, void, undefined>;
}

export interface BlockInfo {
  id: string;
  name: string;
  inputSchema: JsonSchema;
  outputSchema: JsonSchema;
  description: string;
  categories: { category: BlockCategory; description: string }[];
  contributors: { name: string }[];
  staticOutput: boolean;
  uiType: BlockType;
  costs: BlockCost[];
}

export interface Block<I extends z.ZodObject = z.ZodObject, O extends Outputs = Outputs> extends Readonly<
  Omit<BlockDefinition<I, O>, 'type' | 'staticOutput' | 'costs' | 'contributors' | 'disabled'>
> {
  readonly type: BlockType;
  readonly staticOutput: boolean;
  readonly costs: readonly BlockCost[];
  readonly contributors: readonly string[];
  readonly disabled: boolean;
  /** Output schemas including the automatic `error` pin where the block type has one. */
  readonly outputs: Readonly<Record<string, z.ZodType>>;
  readonly hasErrorPin: boolean;
  /** Input fields holding credentials. */
  readonly credentialsFields: readonly string[];
  /** What each credentials field accepts (providers, types, discriminator). */
  readonly credentialsInfo: Readonly<Record<string, CredentialsFieldInfo>>;
  readonly inputSchema: JsonSchema;
  readonly outputSchema: JsonSchema;
  info(): BlockInfo;
}

// Blocks are stored in one registry whatever their schemas; the engine treats inputs as data.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyBlock = Block<any, any>;

const BLOCK_ID_LENGTH = 36;

/** Marks what `defineBlock` returns, so a loader can tell blocks from a module's other exports. */
const blockBrand = Symbol.for('blockloom.block');

/** Whether a value is a block made by `defineBlock` (from any copy of the SDK). */
export function isBlock(value: unknown): value is AnyBlock {
  return (
    typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[blockBrand] === true
  );
}

/** The metadata of a schema or of one it wraps (optional, nullable, default) that carries `key`. */
function metaWithKey(schema: z.ZodType, key: string): Record<string, unknown> | undefined {
  let current: z.ZodType | undefined = schema;
  for (let depth = 0; current && depth < 8; depth++) {
    const meta = z.globalRegistry.get(current);
    if (meta && key in meta) return meta;
    current = (current._zod.def as { innerType?: z.ZodType }).innerType;
  }
  return undefined;
}

function credentialsInfoOf(meta: Record<string, unknown>): CredentialsFieldInfo {
  const strings = (value: unknown) =>
    Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  const mapping = meta.discriminator_mapping;
  return {
    providers: strings(meta.credentials_provider),
    types: strings(meta.credentials_types) as CredentialsFieldInfo['types'],
    ...(typeof meta.discriminator === 'string' ? { discriminator: meta.discriminator } : {}),
    ...(mapping && typeof mapping === 'object'
      ? { discriminatorMapping: mapping as Record<string, string> }
      : {}),
  };
}

function checkDefinition(def: BlockDefinition<z.ZodObject, Outputs>): Record<string, CredentialsFieldInfo> {
  const fail = (message: string) => {
    throw new BlockDefinitionError(def.name, message);
  };
  if (typeof def.id !== 'string' || def.id.length !== BLOCK_ID_LENGTH)
    fail(`id must be a 36-character string`);
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(def.name)) fail('name must be a class-style identifier');
  for (const category of def.categories) {
    if (!(category in blockCategories)) fail(`unknown category ${String(category)}`);
  }
  const credentials: Record<string, CredentialsFieldInfo> = {};
  for (const [field, schema] of Object.entries(def.input.shape)) {
    const meta = metaWithKey(schema as z.ZodType, CREDENTIALS_META_KEY);
    const isCredentials = meta !== undefined;
    if (isCredentials !== isCredentialsFieldName(field)) {
      fail(
        isCredentials
          ? `credentials field "${field}" must be named "credentials" or end in "_credentials"`
          : `field "${field}" is named like a credentials field but is not declared with credentialsField()`,
      );
    }
    if (meta) credentials[field] = credentialsInfoOf(meta);
  }
  if ('error' in def.output && blockTypesWithoutErrorPin.includes(def.type ?? 'Standard')) {
    fail(`a ${def.type} block has no error pin`);
  }
  return credentials;
}

/** Declares a block. Definitions are checked at once: a broken rule throws `BlockDefinitionError`. */
export function defineBlock<I extends z.ZodObject, O extends Outputs>(
  def: BlockDefinition<I, O>,
): Block<I, O> {
  const credentialsInfo = checkDefinition(def as unknown as BlockDefinition<z.ZodObject, Outputs>);
  const credentialsFields = Object.keys(credentialsInfo);
  const type = def.type ?? 'Standard';
  const hasErrorPin = !blockTypesWithoutErrorPin.includes(type);
  const outputs: Record<string, z.ZodType> = hasErrorPin
    ? {
        ...def.output,
        error: (def.output as Outputs).error ?? z.string().describe('Error message if the block failed'),
      }
    : { ...def.output };
  let inputSchema: JsonSchema | undefined;
  let outputSchema: JsonSchema | undefined;
  const block: Block<I, O> & { [blockBrand]: true } = {
    [blockBrand]: true,
    ...def,
    type,
    staticOutput: def.staticOutput ?? false,
    costs: def.costs ?? [],
    contributors: def.contributors ?? [],
    disabled: def.disabled ?? false,
    outputs,
    hasErrorPin,
    credentialsFields,
    credentialsInfo,
    get inputSchema() {
      return (inputSchema ??= inputJsonSchema(def.input));
    },
    get outputSchema() {
      return (outputSchema ??= outputJsonSchema(outputs));
    },
    info(): BlockInfo {
      return {
        id: def.id,
        name: def.name,
        inputSchema: block.inputSchema,
        outputSchema: block.outputSchema,
        description: def.description,
        categories: def.categories.map((category) => ({ category, description: blockCategories[category] })),
        contributors: (def.contributors ?? []).map((name) => ({ name })),
        staticOutput: def.staticOutput ?? false,
        uiType: type,
        costs: [...(def.costs ?? [])],
      };
    },
  };
  return block;
}
