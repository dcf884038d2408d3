import { describe, expect, it } from 'vitest';
import {
  agentDateInputBlock,
  agentInputBlock,
  agentLongTextInputBlock,
  aiTextGeneratorBlock,
  calculatorBlock,
  createListBlock,
  fillTextTemplateBlock,
} from './fixtures';
import {
  fieldKindOf,
  fieldSpec,
  fieldsForBlock,
  formatFieldValue,
  parseFieldValue,
  visibleFields,
  type FieldSpec,
} from './schema-form';

function field(fields: FieldSpec[], name: string): FieldSpec {
  const found = fields.find((each) => each.name === name);
  if (!found) throw new Error(`no field ${name}`);
  return found;
}

describe('fieldsForBlock', () => {
  it('describes the calculator form in schema order', () => {
    const fields = fieldsForBlock(calculatorBlock);
    expect(fields.map((f) => [f.name, f.kind, f.required])).toEqual([
      ['operation', 'enum', true],
      ['a', 'number', true],
      ['b', 'number', true],
      ['round_result', 'boolean', false],
    ]);
    const operation = field(fields, 'operation');
    expect(operation.title).toBe('Operation');
    expect(operation.options?.map((o) => o.value)).toEqual([
      'Add',
      'Subtract',
      'Multiply',
      'Divide',
      'Power',
    ]);
    expect(field(fields, 'a')).toMatchObject({
      placeholder: '5',
      description: 'The first number.',
      connectable: true,
    });
    expect(field(fields, 'round_result').defaultValue).toBe(false);
    expect(fields.every((f) => !f.advanced && !f.hidden)).toBe(true);
  });

  it('unwraps optional fields: anyOf [X, null] and type [X, "null"]', () => {
    const fields = fieldsForBlock(aiTextGeneratorBlock);
    const maxTokens = field(fields, 'max_tokens');
    expect(maxTokens).toMatchObject({ kind: 'integer', nullable: true, advanced: true, defaultValue: null });
    // exclusiveMinimum 0 on an integer is "at least 1"; zod's MAX_SAFE_INTEGER bound means no bound.
    expect(maxTokens.min).toBe(1);
    expect(maxTokens.max).toBeUndefined();
    const apiKey = field(fields, 'api_key');
    expect(apiKey).toMatchObject({ kind: 'text', nullable: true, hidden: true, secret: true });
    const title = field(fieldsForBlock(agentInputBlock), 'title');
    expect(title).toMatchObject({ kind: 'text', nullable: true, advanced: true });
  });

  it('reads credentials, dict, long text and suggestions of an LLM block', () => {
    const fields = fieldsForBlock(aiTextGeneratorBlock);
    const credentials = field(fields, 'credentials');
    expect(credentials.kind).toBe('credentials');
    expect(credentials.connectable).toBe(false);
    expect(credentials.credentials).toEqual({
      providers: ['openai', 'anthropic', 'ollama'],
      types: ['api_key'],
      discriminator: 'model',
      discriminatorMapping: {
        'gpt-4o': 'openai',
        'gpt-4o-mini': 'openai',
        'claude-sonnet-4-5-20250929': 'anthropic',
        'llama3.3': 'ollama',
      },
    });
    expect(field(fields, 'prompt_values')).toMatchObject({ kind: 'key-value', valueSchema: {} });
    expect(field(fields, 'prompt').kind).toBe('long-text');
    expect(field(fields, 'sys_prompt').kind).toBe('long-text');
    expect(field(fields, 'ollama_host').kind).toBe('text');
    const model = field(fields, 'model');
    expect(model.kind).toBe('text');
    expect(model.suggestions).toContain('gpt-4o');
    expect(field(fields, 'retry')).toMatchObject({ kind: 'integer', min: 0, defaultValue: 3 });
  });

  it('maps formats and containers to their widgets', () => {
    expect(field(fieldsForBlock(agentDateInputBlock), 'value').kind).toBe('date');
    expect(field(fieldsForBlock(agentLongTextInputBlock), 'value').kind).toBe('long-text');
    expect(field(fieldsForBlock(agentInputBlock), 'value').kind).toBe('any');
    const values = field(fieldsForBlock(createListBlock), 'values');
    expect(values).toMatchObject({ kind: 'list', itemSchema: {}, placeholder: '[1, 2, 3]' });
    expect(field(fieldsForBlock(createListBlock), 'max_size')).toMatchObject({
      kind: 'integer',
      nullable: true,
    });
    expect(field(fieldsForBlock(fillTextTemplateBlock), 'values').kind).toBe('key-value');
  });

  it('classifies schema shapes the blocks use', () => {
    expect(fieldKindOf('x', { anyOf: [{ const: 'a', title: 'A' }, { const: 'b' }] })).toBe('enum');
    expect(
      fieldSpec('x', { anyOf: [{ const: 'a', title: 'Letter A' }, { const: 'b' }] }, false).options,
    ).toEqual([
      { value: 'a', label: 'Letter A' },
      { value: 'b', label: 'b' },
    ]);
    expect(fieldKindOf('id', { type: ['string', 'integer'] })).toBe('text');
    expect(fieldKindOf('data', { type: ['object', 'array'] })).toBe('json');
    expect(fieldKindOf('when', { type: 'string', format: 'date-time' })).toBe('datetime');
    expect(fieldKindOf('at', { type: 'string', format: 'time' })).toBe('time');
    expect(fieldKindOf('file_in', { type: 'string', format: 'file' })).toBe('file');
    expect(fieldKindOf('prompt', { type: 'string', format: 'short-text' })).toBe('text');
    expect(fieldKindOf('prompt', { type: 'string', enum: ['a'] })).toBe('enum');
    expect(fieldKindOf('notes', { type: 'string', format: 'textarea' })).toBe('long-text');
    // A pydantic model (fixed properties) and a discriminated union are edited as JSON.
    expect(fieldKindOf('m', { type: 'object', properties: { a: { type: 'string' } } })).toBe('json');
    expect(
      fieldKindOf('format_type', {
        oneOf: [
          { type: 'object', properties: { discriminator: { const: 'strftime' } } },
          { type: 'object', properties: { discriminator: { const: 'iso8601' } } },
        ],
      }),
    ).toBe('json');
    // SendWebRequest body: anyOf [anyOf [object, array, string], null].
    const body = fieldSpec(
      'body',
      {
        anyOf: [
          {
            anyOf: [
              { type: 'object', additionalProperties: {} },
              { type: 'array', items: {} },
              { type: 'string' },
            ],
          },
          { type: 'null' },
        ],
      },
      false,
    );
    expect(body).toMatchObject({ kind: 'any', nullable: true });
  });

  it('never hides a required field behind "advanced"', () => {
    const spec = fieldSpec('x', { type: 'string', advanced: true }, true);
    expect(spec.advanced).toBe(false);
  });
});

describe('visibleFields', () => {
  const fields = fieldsForBlock(aiTextGeneratorBlock);
  it('drops hidden fields always and advanced ones unless asked', () => {
    const basic = visibleFields(fields, { showAdvanced: false }).map((f) => f.name);
    expect(basic).toEqual(['prompt', 'model', 'credentials', 'sys_prompt', 'retry', 'prompt_values']);
    const all = visibleFields(fields, { showAdvanced: true }).map((f) => f.name);
    expect(all).toContain('ollama_host');
    expect(all).toContain('max_tokens');
    expect(all).not.toContain('api_key');
  });
  it('shows listed advanced fields (e.g. with an issue)', () => {
    const names = visibleFields(fields, { showAdvanced: false, alwaysShow: ['max_tokens'] }).map(
      (f) => f.name,
    );
    expect(names).toContain('max_tokens');
    expect(names).not.toContain('ollama_host');
  });
});

describe('parseFieldValue / formatFieldValue', () => {
  const calc = fieldsForBlock(calculatorBlock);
  const llm = fieldsForBlock(aiTextGeneratorBlock);
  const a = field(calc, 'a');

  it('parses numbers and names the field when it cannot', () => {
    expect(parseFieldValue(a, ' 2.5 ')).toEqual({ ok: true, value: 2.5 });
    expect(parseFieldValue(a, 'abc')).toEqual({ ok: false, message: 'A must be a number' });
    expect(parseFieldValue(a, 'Infinity')).toEqual({ ok: false, message: 'A must be a number' });
    expect(parseFieldValue(a, '')).toEqual({ ok: true, value: undefined });
    expect(parseFieldValue(a, 7)).toEqual({ ok: true, value: 7 });
  });

  it('checks integers and bounds', () => {
    const retry = field(llm, 'retry');
    expect(parseFieldValue(retry, '2.5')).toEqual({ ok: false, message: 'Retry must be a whole number' });
    expect(parseFieldValue(retry, '-1')).toEqual({ ok: false, message: 'Retry must be at least 0' });
    expect(parseFieldValue(retry, '4')).toEqual({ ok: true, value: 4 });
    expect(parseFieldValue(field(llm, 'max_tokens'), '0')).toEqual({
      ok: false,
      message: 'Max Tokens must be at least 1',
    });
    const ratio = fieldSpec('ratio', { type: 'number', exclusiveMinimum: 0, maximum: 1 }, false);
    expect(parseFieldValue(ratio, '0')).toEqual({ ok: false, message: 'Ratio must be greater than 0' });
    expect(parseFieldValue(ratio, '1.5')).toEqual({ ok: false, message: 'Ratio must be at most 1' });
    expect(parseFieldValue(ratio, '0.5')).toEqual({ ok: true, value: 0.5 });
  });

  it('parses JSON of the right shape for lists, dicts and objects', () => {
    const list = field(fieldsForBlock(createListBlock), 'values');
    expect(parseFieldValue(list, '[1, "two"]')).toEqual({ ok: true, value: [1, 'two'] });
    expect(parseFieldValue(list, '{"a": 1}')).toEqual({
      ok: false,
      message: 'Values must be a JSON list, e.g. ["a", "b"]',
    });
    const broken = parseFieldValue(list, '[1,');
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.message).toMatch(/^Values is not valid JSON: /);
    const dict = field(llm, 'prompt_values');
    expect(parseFieldValue(dict, '{"TOPIC": "cats"}')).toEqual({ ok: true, value: { TOPIC: 'cats' } });
    expect(parseFieldValue(dict, '[1]')).toEqual({
      ok: false,
      message: 'Prompt Values must be a JSON object, e.g. {"key": "value"}',
    });
    const model = fieldSpec('m', { type: 'object', properties: { a: { type: 'string' } } }, false);
    expect(parseFieldValue(model, '"x"')).toEqual({ ok: false, message: 'M must be a JSON object' });
  });

  it('validates dates, times and date-times', () => {
    const date = field(fieldsForBlock(agentDateInputBlock), 'value');
    expect(parseFieldValue(date, '2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
    expect(parseFieldValue(date, '2023-02-29')).toEqual({
      ok: false,
      message: 'Value must be a date like 2024-12-31',
    });
    const time = fieldSpec('at', { type: 'string', format: 'time' }, false);
    expect(parseFieldValue(time, '13:45').ok).toBe(true);
    expect(parseFieldValue(time, '25:00').ok).toBe(false);
    const when = fieldSpec('when', { type: 'string', format: 'date-time' }, false);
    expect(parseFieldValue(when, '2024-12-31T13:45:00Z').ok).toBe(true);
    expect(parseFieldValue(when, 'tomorrow')).toEqual({
      ok: false,
      message: 'When must be a date and time like 2024-12-31T13:45',
    });
  });

  it('parses enums, booleans and keeps text as typed', () => {
    const operation = field(calc, 'operation');
    expect(parseFieldValue(operation, 'Divide')).toEqual({ ok: true, value: 'Divide' });
    expect(parseFieldValue(operation, 'Modulo')).toEqual({
      ok: false,
      message: 'Operation must be one of: Add, Subtract, Multiply, Divide, Power',
    });
    const numeric = fieldSpec('n', { enum: [1, 2] }, false);
    expect(parseFieldValue(numeric, '2')).toEqual({ ok: true, value: 2 });
    const round = field(calc, 'round_result');
    expect(parseFieldValue(round, true)).toEqual({ ok: true, value: true });
    expect(parseFieldValue(round, 'False')).toEqual({ ok: true, value: false });
    expect(parseFieldValue(round, 'yes').ok).toBe(false);
    const prompt = field(llm, 'prompt');
    expect(parseFieldValue(prompt, '  hi  ')).toEqual({ ok: true, value: '  hi  ' });
    expect(parseFieldValue(prompt, '')).toEqual({ ok: true, value: '' });
    const short = fieldSpec('code', { type: 'string', maxLength: 3 }, false);
    expect(parseFieldValue(short, 'abcd')).toEqual({
      ok: false,
      message: 'Code must be at most 3 characters',
    });
  });

  it('formats stored values for display, inverting the parse', () => {
    const list = field(fieldsForBlock(createListBlock), 'values');
    const shown = formatFieldValue(list, [1, { a: 2 }]);
    expect(parseFieldValue(list, shown)).toEqual({ ok: true, value: [1, { a: 2 }] });
    expect(formatFieldValue(a, 2.5)).toBe('2.5');
    expect(formatFieldValue(a, undefined)).toBe('');
    expect(formatFieldValue(a, null)).toBe('');
    expect(formatFieldValue(field(calc, 'round_result'), true)).toBe('true');
    expect(formatFieldValue(field(llm, 'prompt_values'), { X: 1 })).toBe('{\n  "X": 1\n}');
  });
});
