import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { coerceValue, toJsonSchema } from './schema';

describe('toJsonSchema post-processing (internals §1.5)', () => {
  it('inlines refs, drops $ keys and collapses single-element combinators', () => {
    const shared = z.object({ v: z.number() }).meta({ id: 'Shared' });
    const schema = z.object({ a: shared, b: shared, c: z.union([z.string()]) });
    const json = toJsonSchema(schema);
    const text = JSON.stringify(json);
    expect(text).not.toMatch(/"\$/);
    const props = json.properties as Record<string, Record<string, unknown>>;
    expect(props.a).toMatchObject({ type: 'object', properties: { v: { type: 'number' } } });
    expect(props.b).toEqual(props.a);
    expect(props.c).toEqual({ type: 'string' });
  });
});

describe('coerceValue (lenient conversion before validation)', () => {
  it.each([
    [{ type: 'number' }, '10', 10],
    [{ type: 'number' }, ' 2.5 ', 2.5],
    [{ type: 'integer' }, '2.5', '2.5'],
    [{ type: 'number' }, 'abc', 'abc'],
    [{ type: 'boolean' }, 'true', true],
    [{ type: 'array' }, '[1,2]', [1, 2]],
    [{ type: 'object' }, '{"a":1}', { a: 1 }],
    [{ type: 'object' }, '[1]', '[1]'],
    [{ type: 'string' }, 42, '42'],
    [{ type: 'string' }, { a: 1 }, '{"a":1}'],
    [{ type: ['string', 'null'] }, null, null],
    [{}, 'anything', 'anything'],
  ])('%j: %j -> %j', (schema, value, expected) => {
    expect(coerceValue(schema, value)).toEqual(expected);
  });
});
