/**
 * Real block definitions from `GET /api/blocks` (trimmed: long example and provider lists shortened), for tests.
 */
import type { BlockLike } from './types';

export const calculatorBlock: BlockLike = {
  id: 'b1ab9b19-67a6-406d-abf5-2dba76d00c79',
  name: 'CalculatorBlock',
  description: 'Performs an arithmetic operation (add, subtract, multiply, divide or power) on two numbers.',
  categories: [
    {
      category: 'LOGIC',
      description: 'Programming logic to control the flow of your agent.',
    },
  ],
  inputSchema: {
    type: 'object',
    properties: {
      operation: {
        type: 'string',
        enum: ['Add', 'Subtract', 'Multiply', 'Divide', 'Power'],
        description: 'The operation to perform.',
        title: 'Operation',
        advanced: false,
      },
      a: {
        type: 'number',
        description: 'The first number.',
        placeholder: '5',
        title: 'A',
        advanced: false,
      },
      b: {
        type: 'number',
        description: 'The second number.',
        placeholder: '3',
        title: 'B',
        advanced: false,
      },
      round_result: {
        default: false,
        description: 'Whether to round the result to a whole number.',
        type: 'boolean',
        title: 'Round Result',
        advanced: false,
      },
    },
    required: ['operation', 'a', 'b'],
  },
  outputSchema: {
    type: 'object',
    properties: {
      result: {
        type: 'number',
        description: 'The result of the calculation.',
        title: 'Result',
      },
      error: {
        type: 'string',
        description: 'Error message if the block failed',
        title: 'Error',
      },
    },
    required: ['result'],
  },
  staticOutput: false,
  uiType: 'Standard',
};

export const agentInputBlock: BlockLike = {
  id: 'c0a8e994-ebf1-4a9c-a4d8-89d09c86741b',
  name: 'AgentInputBlock',
  description:
    "Provides one of the agent's inputs to the graph, using the value given when the agent is run.",
  categories: [
    {
      category: 'INPUT',
      description: 'Block that interacts with input of the graph.',
    },
    {
      category: 'BASIC',
      description: 'Block that performs basic operations.',
    },
  ],
  inputSchema: {
    type: 'object',
    properties: {
      name: {
        type: 'string',
        description: 'The name of the input; the run input with this name becomes the value.',
        title: 'Name',
        advanced: false,
      },
      value: {
        default: null,
        description: 'The value passed in when the agent is run.',
        title: 'Value',
        advanced: false,
      },
      title: {
        default: null,
        advanced: true,
        description: 'The title shown for this input in the run form.',
        type: ['string', 'null'],
        title: 'Title',
      },
      description: {
        default: null,
        advanced: true,
        description: 'Help text shown for this input in the run form.',
        type: ['string', 'null'],
        title: 'Description',
      },
      advanced: {
        default: false,
        advanced: true,
        description: 'Whether the run form shows this input only under advanced options.',
        type: 'boolean',
        title: 'Advanced',
      },
      secret: {
        default: false,
        advanced: true,
        description: 'Whether the input holds a secret that must be masked.',
        type: 'boolean',
        title: 'Secret',
      },
    },
    required: ['name'],
  },
  outputSchema: {
    type: 'object',
    properties: {
      result: {
        description: 'The input value.',
        title: 'Result',
      },
    },
    required: ['result'],
  },
  staticOutput: true,
  uiType: 'Input',
};

export const agentOutputBlock: BlockLike = {
  id: '363ae599-353e-4804-937e-b2ee3cef3da4',
  name: 'AgentOutputBlock',
  description: "Records a value as one of the agent's outputs, optionally formatted with a template.",
  categories: [
    {
      category: 'OUTPUT',
      description: 'Block that interacts with output of the graph.',
    },
    {
      category: 'BASIC',
      description: 'Block that performs basic operations.',
    },
  ],
  inputSchema: {
    type: 'object',
    properties: {
      value: {
        default: null,
        description: 'The value to record as the output.',
        title: 'Value',
        advanced: false,
      },
      name: {
        type: 'string',
        description: 'The name of the output.',
        title: 'Name',
        advanced: false,
      },
      title: {
        default: null,
        advanced: true,
        description: 'The title shown for this output.',
        type: ['string', 'null'],
        title: 'Title',
      },
      description: {
        default: null,
        advanced: true,
        description: 'Help text shown for this output.',
        type: ['string', 'null'],
        title: 'Description',
      },
      format: {
        default: '',
        advanced: true,
        description:
          'A Jinja template to format the value with; the value is available under the output name.',
        placeholder: '{{ output_name }}',
        type: 'string',
        title: 'Format',
      },
      escape_html: {
        default: false,
        advanced: true,
        description: 'Whether to escape HTML special characters in the formatted value.',
        type: 'boolean',
        title: 'Escape Html',
      },
      advanced: {
        default: false,
        advanced: true,
        description: 'Whether the output is shown only under advanced results.',
        type: 'boolean',
        title: 'Advanced',
      },
      secret: {
        default: false,
        advanced: true,
        description: 'Whether the output holds a secret that must be masked.',
        type: 'boolean',
        title: 'Secret',
      },
    },
    required: ['name'],
  },
  outputSchema: {
    type: 'object',
    properties: {
      output: {
        description: 'The recorded value, formatted when a template is set.',
        title: 'Output',
      },
      name: {
        description: 'The name of the output.',
        title: 'Name',
      },
    },
    required: ['output', 'name'],
  },
  staticOutput: true,
  uiType: 'Output',
};

export const aiTextGeneratorBlock: BlockLike = {
  id: '1f292d4a-41a4-4977-9684-7c8d560b9f91',
  name: 'AITextGeneratorBlock',
  description: 'Calls a large language model with a prompt and returns the text it writes.',
  categories: [
    {
      category: 'AI',
      description: 'Block that leverages AI to perform a task.',
    },
    {
      category: 'TEXT',
      description: 'Block that processes text data.',
    },
  ],
  inputSchema: {
    type: 'object',
    properties: {
      prompt: {
        type: 'string',
        description: 'The prompt sent to the model; may use {{NAME}} placeholders.',
        title: 'Prompt',
        advanced: false,
      },
      model: {
        default: 'gpt-4o',
        description:
          'The language model to use, e.g. "gpt-4o" or "claude-sonnet-4-5-20250929". Other models are accepted when their name tells the provider ("anthropic/…", "gpt-…", "claude-…", "vendor/model" for OpenRouter).',
        examples: ['gpt-4o', 'gpt-4o-mini', 'claude-sonnet-4-5-20250929', 'llama3.3'],
        advanced: false,
        type: 'string',
        title: 'Model',
      },
      credentials: {
        type: 'object',
        properties: {
          id: {
            type: 'string',
          },
          title: {
            type: ['string', 'null'],
          },
          provider: {
            type: 'string',
            enum: ['openai', 'anthropic', 'ollama'],
          },
          type: {
            type: 'string',
            const: 'api_key',
          },
        },
        required: ['id', 'provider', 'type'],
        credentials_provider: ['openai', 'anthropic', 'ollama'],
        credentials_types: ['api_key'],
        discriminator: 'model',
        discriminator_mapping: {
          'gpt-4o': 'openai',
          'gpt-4o-mini': 'openai',
          'claude-sonnet-4-5-20250929': 'anthropic',
          'llama3.3': 'ollama',
        },
        description: 'The API key of the provider that serves the chosen model.',
        title: 'Credentials',
        advanced: false,
      },
      sys_prompt: {
        default: '',
        description: 'The system prompt; may use {{NAME}} placeholders.',
        type: 'string',
        title: 'Sys Prompt',
        advanced: false,
      },
      retry: {
        default: 3,
        description: 'How many times to ask the model for an answer in the right format.',
        type: 'integer',
        minimum: 0,
        maximum: 9007199254740991,
        title: 'Retry',
        advanced: false,
      },
      prompt_values: {
        default: {},
        description:
          'Values for the {{NAME}} placeholders in the prompts (Jinja templates); usually linked through prompt_values_#_NAME pins.',
        advanced: false,
        type: 'object',
        additionalProperties: {},
        title: 'Prompt Values',
      },
      ollama_host: {
        default: 'localhost:11434',
        description: 'Ollama’s host:port, for Ollama models (OLLAMA_HOST in the server environment wins).',
        advanced: true,
        type: 'string',
        title: 'Ollama Host',
      },
      max_tokens: {
        default: null,
        description: 'The most tokens the model may generate; by default the model’s own limit.',
        advanced: true,
        anyOf: [
          {
            type: 'integer',
            exclusiveMinimum: 0,
            maximum: 9007199254740991,
          },
          {
            type: 'null',
          },
        ],
        title: 'Max Tokens',
      },
      api_key: {
        default: null,
        description: 'Deprecated: an API key given inline; used only when no credentials are chosen.',
        hidden: true,
        secret: true,
        advanced: true,
        type: ['string', 'null'],
        title: 'Api Key',
      },
    },
    required: ['prompt'],
  },
  outputSchema: {
    type: 'object',
    properties: {
      response: {
        type: 'string',
        description: 'The text the model wrote.',
        title: 'Response',
      },
      prompt: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: {},
        },
        description: 'The chat messages sent to the model.',
        title: 'Prompt',
      },
      error: {
        type: 'string',
        description: 'Error message if the block failed',
        title: 'Error',
      },
    },
    required: ['response', 'prompt'],
  },
  staticOutput: false,
  uiType: 'Standard',
};

export const createListBlock: BlockLike = {
  id: 'a912d5c7-6e00-4542-b2a9-8034136930e4',
  name: 'CreateListBlock',
  description: 'Creates a list from the given values, optionally split into chunks of limited size.',
  categories: [
    {
      category: 'DATA',
      description: 'Block that interacts with structured data.',
    },
  ],
  inputSchema: {
    type: 'object',
    properties: {
      values: {
        type: 'array',
        items: {},
        description: 'The values of the list.',
        placeholder: '[1, 2, 3]',
        title: 'Values',
        advanced: false,
      },
      max_size: {
        default: null,
        advanced: true,
        description: 'The most items per chunk; the list is output whole when empty.',
        anyOf: [
          {
            type: 'integer',
            minimum: -9007199254740991,
            maximum: 9007199254740991,
          },
          {
            type: 'null',
          },
        ],
        title: 'Max Size',
      },
      max_tokens: {
        default: null,
        advanced: true,
        description: 'The most estimated tokens (about four characters each) per chunk.',
        anyOf: [
          {
            type: 'integer',
            minimum: -9007199254740991,
            maximum: 9007199254740991,
          },
          {
            type: 'null',
          },
        ],
        title: 'Max Tokens',
      },
    },
    required: ['values'],
  },
  outputSchema: {
    type: 'object',
    properties: {
      list: {
        type: 'array',
        items: {},
        description: 'The list, or one chunk of it per output.',
        title: 'List',
      },
      error: {
        type: 'string',
        description: 'Error message if the block failed',
        title: 'Error',
      },
    },
    required: ['list'],
  },
  staticOutput: false,
  uiType: 'Standard',
};

export const fillTextTemplateBlock: BlockLike = {
  id: 'db7d8f02-2f44-4c55-ab7a-eae0941f0c30',
  name: 'FillTextTemplateBlock',
  description: 'Fills a Jinja text template with the given values.',
  categories: [
    {
      category: 'TEXT',
      description: 'Block that processes text data.',
    },
  ],
  inputSchema: {
    type: 'object',
    properties: {
      values: {
        type: 'object',
        additionalProperties: {},
        description: 'The values the template can use, by name.',
        placeholder: '{"name": "Ada"}',
        title: 'Values',
        advanced: false,
      },
      format: {
        type: 'string',
        description: 'The Jinja template, e.g. "Hello {{ name }}"; supports loops, set and filters.',
        placeholder: 'Hello {{ name }}',
        title: 'Format',
        advanced: false,
      },
      escape_html: {
        default: false,
        advanced: true,
        description: 'Whether to escape HTML special characters in the inserted values.',
        type: 'boolean',
        title: 'Escape Html',
      },
    },
    required: ['values', 'format'],
  },
  outputSchema: {
    type: 'object',
    properties: {
      output: {
        type: 'string',
        description: 'The filled-in text.',
        title: 'Output',
      },
      error: {
        type: 'string',
        description: 'Error message if the block failed',
        title: 'Error',
      },
    },
    required: ['output'],
  },
  staticOutput: false,
  uiType: 'Standard',
};

export const storeValueBlock: BlockLike = {
  id: '1ff065e9-88e8-4358-9d82-8dc91f622ba9',
  name: 'StoreValueBlock',
  description:
    'Outputs a stored value, or the trigger input when no value is stored, for reuse by later blocks.',
  categories: [
    {
      category: 'BASIC',
      description: 'Block that performs basic operations.',
    },
  ],
  inputSchema: {
    type: 'object',
    properties: {
      input: {
        description: 'Triggers the block; also the output when no data is set.',
        title: 'Input',
        advanced: false,
      },
      data: {
        default: null,
        description: 'The value to output; when empty, the input is output instead.',
        title: 'Data',
        advanced: false,
      },
    },
    required: ['input'],
  },
  outputSchema: {
    type: 'object',
    properties: {
      output: {
        description: 'The stored data, or the input.',
        title: 'Output',
      },
      error: {
        type: 'string',
        description: 'Error message if the block failed',
        title: 'Error',
      },
    },
    required: ['output'],
  },
  staticOutput: true,
  uiType: 'Standard',
};

export const agentDateInputBlock: BlockLike = {
  id: '7e198b09-4994-47db-8b4d-952d98241817',
  name: 'AgentDateInputBlock',
  description: 'Provides a date input (YYYY-MM-DD) to the agent.',
  categories: [
    {
      category: 'INPUT',
      description: 'Block that interacts with input of the graph.',
    },
    {
      category: 'BASIC',
      description: 'Block that performs basic operations.',
    },
  ],
  inputSchema: {
    type: 'object',
    properties: {
      name: {
        type: 'string',
        description: 'The name of the input; the run input with this name becomes the value.',
        title: 'Name',
        advanced: false,
      },
      value: {
        default: null,
        description: 'The date passed in when the agent is run, as YYYY-MM-DD.',
        anyOf: [
          {
            type: 'string',
            format: 'date',
            pattern: '^\\d{4}-\\d{2}-\\d{2}$',
          },
          {
            type: 'null',
          },
        ],
        title: 'Value',
        advanced: false,
      },
      title: {
        default: null,
        advanced: true,
        description: 'The title shown for this input in the run form.',
        type: ['string', 'null'],
        title: 'Title',
      },
      description: {
        default: null,
        advanced: true,
        description: 'Help text shown for this input in the run form.',
        type: ['string', 'null'],
        title: 'Description',
      },
      advanced: {
        default: false,
        advanced: true,
        description: 'Whether the run form shows this input only under advanced options.',
        type: 'boolean',
        title: 'Advanced',
      },
      secret: {
        default: false,
        advanced: true,
        description: 'Whether the input holds a secret that must be masked.',
        type: 'boolean',
        title: 'Secret',
      },
    },
    required: ['name'],
  },
  outputSchema: {
    type: 'object',
    properties: {
      result: {
        type: 'string',
        format: 'date',
        pattern:
          '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))$',
        description: 'The input date, as YYYY-MM-DD.',
        title: 'Result',
      },
    },
    required: ['result'],
  },
  staticOutput: true,
  uiType: 'Input',
};

export const agentLongTextInputBlock: BlockLike = {
  id: '90a56ffb-7024-4b2b-ab50-e26c5e5ab8ba',
  name: 'AgentLongTextInputBlock',
  description: 'Provides a long, multi-line text input to the agent.',
  categories: [
    {
      category: 'INPUT',
      description: 'Block that interacts with input of the graph.',
    },
    {
      category: 'BASIC',
      description: 'Block that performs basic operations.',
    },
  ],
  inputSchema: {
    type: 'object',
    properties: {
      name: {
        type: 'string',
        description: 'The name of the input; the run input with this name becomes the value.',
        title: 'Name',
        advanced: false,
      },
      value: {
        default: null,
        description: 'The text passed in when the agent is run.',
        anyOf: [
          {
            type: 'string',
            format: 'long-text',
          },
          {
            type: 'null',
          },
        ],
        title: 'Value',
        advanced: false,
      },
      title: {
        default: null,
        advanced: true,
        description: 'The title shown for this input in the run form.',
        type: ['string', 'null'],
        title: 'Title',
      },
      description: {
        default: null,
        advanced: true,
        description: 'Help text shown for this input in the run form.',
        type: ['string', 'null'],
        title: 'Description',
      },
      advanced: {
        default: false,
        advanced: true,
        description: 'Whether the run form shows this input only under advanced options.',
        type: 'boolean',
        title: 'Advanced',
      },
      secret: {
        default: false,
        advanced: true,
        description: 'Whether the input holds a secret that must be masked.',
        type: 'boolean',
        title: 'Secret',
      },
    },
    required: ['name'],
  },
  outputSchema: {
    type: 'object',
    properties: {
      result: {
        type: 'string',
        description: 'The input text.',
        title: 'Result',
      },
    },
    required: ['result'],
  },
  staticOutput: true,
  uiType: 'Input',
};

export const agentExecutorBlock: BlockLike = {
  id: 'e189baac-8c20-45a1-94a7-55177ea42565',
  name: 'AgentExecutorBlock',
  description: 'Runs another agent as a sub-agent and outputs its results.',
  categories: [
    {
      category: 'AGENT',
      description: 'Block that interacts with other agents.',
    },
  ],
  inputSchema: {
    type: 'object',
    properties: {
      user_id: {
        type: 'string',
        description: 'The user the sub-agent belongs to.',
        title: 'User Id',
        advanced: false,
      },
      graph_id: {
        type: 'string',
        description: 'The id of the agent to run.',
        title: 'Graph Id',
        advanced: false,
      },
      graph_version: {
        type: 'integer',
        minimum: -9007199254740991,
        maximum: 9007199254740991,
        description: 'The version of the agent to run.',
        title: 'Graph Version',
        advanced: false,
      },
      agent_name: {
        default: null,
        description: 'The name of the agent, for display.',
        type: ['string', 'null'],
        title: 'Agent Name',
        advanced: false,
      },
      inputs: {
        type: 'object',
        additionalProperties: {},
        description: "The sub-agent's inputs, by input name.",
        title: 'Inputs',
        advanced: false,
      },
      input_schema: {
        type: 'object',
        additionalProperties: {},
        description: "The sub-agent's input schema.",
        title: 'Input Schema',
        advanced: false,
      },
      output_schema: {
        type: 'object',
        additionalProperties: {},
        description: "The sub-agent's output schema.",
        title: 'Output Schema',
        advanced: false,
      },
      nodes_input_masks: {
        default: null,
        hidden: true,
        description: 'Input overrides for nodes of the sub-agent, by node id.',
        anyOf: [
          {
            type: 'object',
            additionalProperties: {
              type: 'object',
              additionalProperties: {},
            },
          },
          {
            type: 'null',
          },
        ],
        title: 'Nodes Input Masks',
        advanced: false,
      },
    },
    required: ['user_id', 'graph_id', 'graph_version', 'inputs', 'input_schema', 'output_schema'],
  },
  outputSchema: {
    type: 'object',
    properties: {},
    required: [],
  },
  staticOutput: false,
  uiType: 'Agent',
};

export const noteBlock: BlockLike = {
  id: 'cc10ff7b-7753-4ff2-9af6-9399b1a7eddc',
  name: 'NoteBlock',
  description: 'Shows a sticky note on the canvas to document the agent.',
  categories: [
    {
      category: 'BASIC',
      description: 'Block that performs basic operations.',
    },
  ],
  inputSchema: {
    type: 'object',
    properties: {
      text: {
        type: 'string',
        description: 'The text of the note.',
        title: 'Text',
        advanced: false,
      },
    },
    required: ['text'],
  },
  outputSchema: {
    type: 'object',
    properties: {
      output: {
        type: 'string',
        description: 'The text of the note.',
        title: 'Output',
      },
      error: {
        type: 'string',
        description: 'Error message if the block failed',
        title: 'Error',
      },
    },
    required: ['output'],
  },
  staticOutput: false,
  uiType: 'Note',
};

export const fixtureBlocks: BlockLike[] = [
  calculatorBlock,
  agentInputBlock,
  agentOutputBlock,
  aiTextGeneratorBlock,
  createListBlock,
  fillTextTemplateBlock,
  storeValueBlock,
  agentDateInputBlock,
  agentLongTextInputBlock,
  agentExecutorBlock,
  noteBlock,
];
