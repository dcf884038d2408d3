import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client';
import {
  buildRunRequest,
  describeApiError,
  loadRememberedRun,
  missingRequired,
  rememberRun,
  runCredentialFields,
  runInputFields,
  runRefusal,
} from './run-inputs';

const inputSchema = {
  type: 'object' as const,
  properties: {
    Topic: { title: 'Topic', type: 'string', description: 'What to write about' },
    Count: { title: 'Count', type: 'integer', default: 3, advanced: true },
    Token: { title: 'Token', type: 'string', secret: true },
    Hidden: { title: 'Hidden', type: 'string', hidden: true },
  },
  required: ['Topic'],
};

const credentialsSchema = {
  type: 'object' as const,
  properties: {
    openai_api_key_credentials: {
      credentials_provider: ['openai'],
      credentials_types: ['api_key'],
      title: "CredentialsMetaInput[Literal[<ProviderName.OPENAI: 'openai'>], Literal['api_key']]",
      type: 'object',
    },
  },
  required: [],
};

describe('run dialog fields', () => {
  it('lists the inputs in schema order without hidden ones', () => {
    const fields = runInputFields({ input_schema: inputSchema });
    expect(fields.map((field) => [field.name, field.kind, field.required])).toEqual([
      ['Topic', 'text', true],
      ['Count', 'integer', false],
      ['Token', 'text', false],
    ]);
  });

  it('gives credentials fields a readable title', () => {
    const [field] = runCredentialFields({ credentials_input_schema: credentialsSchema });
    expect(field).toMatchObject({ kind: 'credentials', title: 'Openai API Key Credentials' });
    expect(field?.credentials).toMatchObject({ providers: ['openai'], types: ['api_key'] });
  });

  it('names the required inputs left empty', () => {
    const fields = runInputFields({ input_schema: inputSchema });
    expect(missingRequired(fields, { Topic: '  ' })).toEqual({ Topic: 'Topic is required' });
    expect(missingRequired(fields, { Topic: 'cats' })).toEqual({});
  });

  it('sends only the inputs that have a value', () => {
    const fields = runInputFields({ input_schema: inputSchema });
    const choice = { id: 'c1', provider: 'openai', type: 'api_key' as const, title: 'Mine' };
    expect(buildRunRequest(fields, { Topic: 'cats', Count: undefined, Stray: 1 }, { key: choice })).toEqual({
      inputs: { Topic: 'cats' },
      credentials_inputs: { key: choice },
    });
  });
});

describe('remembered inputs', () => {
  beforeEach(() => {
    const store = new Map<string, string>();
    vi.stubGlobal('localStorage', {
      getItem: (key: string) => store.get(key) ?? null,
      setItem: (key: string, value: string) => store.set(key, value),
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('keeps the last inputs per graph, never the secret ones', () => {
    const fields = runInputFields({ input_schema: inputSchema });
    const credentialFields = runCredentialFields({ credentials_input_schema: credentialsSchema });
    const choice = { id: 'c1', provider: 'openai', type: 'api_key' as const };
    rememberRun(
      'g1',
      {
        inputs: { Topic: 'cats', Token: 's3cret' },
        credentials_inputs: { openai_api_key_credentials: choice },
      },
      fields,
    );
    expect(JSON.parse(localStorage.getItem('blockloom.run-inputs.g1') ?? '')).toEqual({ Topic: 'cats' });
    expect(loadRememberedRun('g1', fields, credentialFields)).toEqual({
      values: { Topic: 'cats' },
      credentials: { openai_api_key_credentials: choice },
    });
    expect(loadRememberedRun('other', fields, credentialFields)).toEqual({ values: {}, credentials: {} });
  });

  it('ignores what is not valid any more', () => {
    localStorage.setItem('blockloom.run-inputs.g1', '{not json');
    localStorage.setItem(
      'blockloom.run-credentials.g1',
      JSON.stringify({ openai_api_key_credentials: { id: 1 } }),
    );
    const fields = runInputFields({ input_schema: inputSchema });
    const credentialFields = runCredentialFields({ credentials_input_schema: credentialsSchema });
    expect(loadRememberedRun('g1', fields, credentialFields)).toEqual({ values: {}, credentials: {} });
  });
});

describe('server refusals', () => {
  const validation = new ApiError(
    'The graph cannot run: Missing required input "Topic" (node n1, field Topic)',
    {
      status: 400,
      detail: {
        type: 'validation_error',
        message: 'The graph cannot run: Missing required input "Topic" (node n1, field Topic)',
        issues: [{ node_id: 'n1', field: 'Topic', message: 'Missing required input "Topic"' }],
      },
      hint: 'Check the request and try again.',
    },
  );

  it('lists graph issues and places them under the input they name', () => {
    expect(runRefusal(validation, ['Topic'])).toEqual({
      message: 'The agent cannot run: Missing required input "Topic".',
      fields: { Topic: 'Missing required input "Topic"' },
    });
    expect(runRefusal(new Error('offline'), ['Topic'])).toEqual({ message: 'offline', fields: {} });
  });

  it('lists the items of a request validation failure', () => {
    const invalid = new ApiError('Invalid data for POST /x', {
      status: 422,
      detail: [{ loc: ['body', 'inputs'], msg: 'Expected object' }],
    });
    expect(describeApiError(invalid)).toBe('Invalid request: inputs: Expected object');
    const missing = new ApiError('Graph #g not found', { status: 404, detail: 'Graph #g not found' });
    expect(describeApiError(missing)).toBe('Graph #g not found');
  });
});
