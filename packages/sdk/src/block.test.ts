import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { credentialsField, defineBlock } from './index';
import { createBlockRegistry } from './registry';

const base = {
  id: '0f0f0f0f-0000-4000-8000-000000000001',
  name: 'SampleBlock',
  description: 'A sample.',
  categories: ['BASIC'] as const,
  output: { out: z.string() },
  tests: [],
  async *run() {},
};

describe('defineBlock', () => {
  it('rejects an id that is not 36 characters', () => {
    expect(() => defineBlock({ ...base, id: 'short', input: z.object({}) })).toThrow(/36-character/);
  });

  it('enforces the credentials naming rule both ways', () => {
    const creds = credentialsField({ providers: ['openai'], types: ['api_key'] });
    expect(() => defineBlock({ ...base, input: z.object({ api: creds }) })).toThrow(
      /must be named "credentials"/,
    );
    expect(() => defineBlock({ ...base, input: z.object({ my_credentials: z.string() }) })).toThrow(
      /not declared with credentialsField/,
    );
    const ok = defineBlock({
      ...base,
      input: z.object({ credentials: creds.optional(), x_credentials: creds }),
    });
    expect(ok.credentialsFields).toEqual(['credentials', 'x_credentials']);
  });

  it('adds an error pin to standard blocks, not to input/output/agent blocks', () => {
    expect(Object.keys(defineBlock({ ...base, input: z.object({}) }).outputs)).toEqual(['out', 'error']);
    expect(Object.keys(defineBlock({ ...base, type: 'Output', input: z.object({}) }).outputs)).toEqual([
      'out',
    ]);
  });

  it('serialises the /api/blocks item with categories, uiType and schema hints', () => {
    const block = defineBlock({
      ...base,
      input: z.object({
        text: z.string().meta({ placeholder: 'Type here' }),
        mode: z.enum(['a', 'b']).default('a'),
        extra: z.number().default(1).meta({ advanced: true }),
        credentials: credentialsField({ providers: ['openai'], types: ['api_key'] }),
      }),
    });
    const info = block.info();
    expect(info.categories).toEqual([
      { category: 'BASIC', description: 'Block that performs basic operations.' },
    ]);
    expect(info.uiType).toBe('Standard');
    const props = info.inputSchema.properties as Record<string, Record<string, unknown>>;
    expect(props.text).toMatchObject({
      type: 'string',
      title: 'Text',
      placeholder: 'Type here',
      advanced: false,
    });
    expect(props.mode).toMatchObject({ default: 'a', advanced: false, enum: ['a', 'b'] });
    expect(props.extra).toMatchObject({ default: 1, advanced: true });
    expect(props.credentials).toMatchObject({
      credentials_provider: ['openai'],
      credentials_types: ['api_key'],
    });
    expect(info.inputSchema.required).toEqual(['text', 'credentials']);
    expect(JSON.stringify(info)).not.toMatch(/"\$/);
  });
});

describe('createBlockRegistry', () => {
  it('refuses duplicate ids and names, and leaves disabled blocks out of listings', () => {
    const a = defineBlock({ ...base, input: z.object({}) });
    const b = defineBlock({
      ...base,
      name: 'OtherBlock',
      id: '0f0f0f0f-0000-4000-8000-000000000002',
      disabled: true,
      input: z.object({}),
    });
    expect(() => createBlockRegistry([a, a])).toThrow(/Duplicate block id/);
    const registry = createBlockRegistry([a, b]);
    expect(registry.list().map((block) => block.name)).toEqual(['SampleBlock']);
    expect(registry.all()).toHaveLength(2);
    expect(registry.get(b.id)?.name).toBe('OtherBlock');
  });
});

describe('isBlock', () => {
  it('recognises what defineBlock made, and nothing else', async () => {
    const { isBlock } = await import('./block');
    const block = defineBlock({ ...base, input: z.object({}) });
    expect(isBlock(block)).toBe(true);
    expect(isBlock({ ...block })).toBe(true);
    expect(isBlock({ id: block.id, name: block.name, run: block.run })).toBe(false);
    expect(isBlock(null)).toBe(false);
  });
});
