import type { z } from 'zod';
import type { AnyBlock, BlockContext } from './block';
import { BlockError, BlockInputError, BlockOutputError } from './errors';
import { coerceInput } from './schema';

export type InputIssue = { field: string; message: string };

function describeIssues(error: z.ZodError): InputIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.map(String).join('.') : '(input)',
    message: issue.message,
  }));
}

function withoutNulls(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(data).filter(([, value]) => value !== null && value !== undefined),
  );
}

/** Required input fields (schema-required, not credentials) absent from `data` after nulls are dropped. */
export function missingInputFields(block: AnyBlock, data: Record<string, unknown>): string[] {
  const required = Array.isArray(block.inputSchema.required) ? (block.inputSchema.required as string[]) : [];
  const present = withoutNulls(data);
  return required.filter((field) => !(field in present) && !block.credentialsFields.includes(field));
}

/**
 * Checks merged input data against the block's schema, after lenient coercion and with null values dropped
 * (internals §1.3 step 2). Returns the parsed input or the issues, naming each field.
 */
export function parseBlockInput(
  block: AnyBlock,
  data: Record<string, unknown>,
): { ok: true; input: Record<string, unknown> } | { ok: false; issues: InputIssue[]; message: string } {
  const coerced = coerceInput(block.inputSchema, withoutNulls(data));
  const result = block.input.safeParse(coerced);
  if (result.success) return { ok: true, input: result.data as Record<string, unknown> };
  const issues = describeIssues(result.error);
  const detail = issues.map((issue) => `${issue.field}: ${issue.message}`).join('; ');
  return { ok: false, issues, message: `Unable to execute block with invalid input data: ${detail}` };
}

function allowedOutputPins(block: AnyBlock, inputDefault: Record<string, unknown>): Set<string> | undefined {
  if (block.dynamic?.outputPins) {
    const pins = block.dynamic.outputPins(inputDefault);
    return pins ? new Set([...pins, ...Object.keys(block.outputs)]) : undefined;
  }
  return new Set(Object.keys(block.outputs));
}

/**
 * Runs a block on merged input data and yields its `[pin, value]` outputs, enforcing the block contract:
 * the input is validated first (BlockInputError); yielding `error` fails the run (BlockError); an undeclared
 * pin or, for Standard blocks, a value its schema refuses is a BlockOutputError. Anything else the block
 * throws propagates unchanged; the engine turns it into data.
 */
export async function* executeBlock(
  block: AnyBlock,
  run: { data: Record<string, unknown>; ctx: BlockContext; inputDefault?: Record<string, unknown> },
): AsyncGenerator<readonly [string, unknown], void, undefined> {
  const { data, ctx, inputDefault = {} } = run;
  const parsed = parseBlockInput(block, data);
  if (!parsed.ok) throw new BlockInputError(parsed.message, parsed.issues);
  const pins = allowedOutputPins(block, inputDefault);
  for await (const [pin, value] of block.run(parsed.input, ctx)) {
    if (pin === 'error') throw new BlockError(typeof value === 'string' ? value : JSON.stringify(value));
    // Tool calls go out on `tools_^_{node}_~_{field}` pins, routed by the engine; they count as `tools`.
    const declared = pin.startsWith('tools_^_') ? 'tools' : pin;
    if (pins && !pins.has(declared)) {
      throw new BlockOutputError(`Block ${block.name} yielded an undeclared output "${pin}"`);
    }
    if (block.type === 'Standard') {
      const schema = block.outputs[declared];
      const check = schema?.safeParse(value);
      if (check && !check.success) {
        const detail = describeIssues(check.error)
          .map((issue) => issue.message)
          .join('; ');
        throw new BlockOutputError(`Block ${block.name} yielded an invalid value on "${pin}": ${detail}`);
      }
    }
    yield [pin, value] as const;
  }
}
