import {
  coerceInput,
  credentialsProvidersFor,
  missingInputFields,
  parseBlockInput,
  type AnyBlock,
  type CredentialsMeta,
} from '@blockloom/sdk';
import { mergeExecutionInput, type Link, type Node } from '@blockloom/graph';

export type Readiness =
  | { status: 'ready'; data: Record<string, unknown> }
  | { status: 'waiting'; missing: string[] }
  | { status: 'invalid'; message: string };

/**
 * Whether a node execution may run, and with what input (AutoGPT's `validate_exec`, internals §3.3):
 * 1. every inbound link's raw sink pin must hold a value, whatever the field's optionality;
 * 2. the block's defaults (the node's constants, or a dynamic block's own) go under the pins;
 * 3. dynamic pins (`_#_`, `_$_`, `_@_`) fold into their base field, the flat keys staying;
 * 4. values are coerced to the schema's types;
 * 5. required fields must be present, then the whole input must validate.
 */
export function resolveNodeInput(args: {
  node: Node;
  block: AnyBlock;
  inboundLinks: readonly Link[];
  /** The execution's input pins, with the node's mask already applied. */
  pins: Readonly<Record<string, unknown>>;
  /** Platform credentials for credentials fields left empty. */
  defaultCredentials?: readonly CredentialsMeta[];
}): Readiness {
  const { node, block, inboundLinks, pins } = args;
  const unpopulated = [...new Set(inboundLinks.map((link) => link.sink_name))].filter(
    (pin) => !(pin in pins),
  );
  if (unpopulated.length > 0) return { status: 'waiting', missing: unpopulated };

  const defaults = block.dynamic?.inputDefaults?.(node.input_default) ?? node.input_default;
  let merged: Record<string, unknown>;
  try {
    merged = mergeExecutionInput({ ...defaults, ...pins });
  } catch (error) {
    return {
      status: 'invalid',
      message: prefix(block, error instanceof Error ? error.message : String(error)),
    };
  }
  const data = block.dynamic ? merged : coerceInput(block.inputSchema, merged);
  fillDefaultCredentials(block, data, args.defaultCredentials ?? []);

  const missing = block.dynamic?.missingInput?.(data, node.input_default) ?? missingInputFields(block, data);
  if (missing.length > 0) return { status: 'waiting', missing };

  if (block.dynamic?.mismatchError) {
    const mismatch = block.dynamic.mismatchError(data, node.input_default);
    if (mismatch) return { status: 'invalid', message: prefix(block, mismatch) };
  } else {
    const parsed = parseBlockInput(block, data);
    if (!parsed.ok) return { status: 'invalid', message: prefix(block, parsed.message) };
  }
  return { status: 'ready', data };
}

/** Puts a fitting platform credential into each empty credentials field (the provider per discriminator). */
function fillDefaultCredentials(
  block: AnyBlock,
  data: Record<string, unknown>,
  defaults: readonly CredentialsMeta[],
): void {
  if (defaults.length === 0) return;
  for (const [field, info] of Object.entries(block.credentialsInfo)) {
    if (data[field] !== undefined && data[field] !== null) continue;
    const providers = credentialsProvidersFor(info, data);
    const fit = defaults.find((meta) => providers.includes(meta.provider) && info.types.includes(meta.type));
    if (fit) data[field] = { id: fit.id, provider: fit.provider, type: fit.type, title: fit.title ?? null };
  }
}

function prefix(block: AnyBlock, message: string): string {
  return `Input data missing or mismatch for \`${block.name}\`: ${message}`;
}

/** The mask entry of a node applied over its pins (masks win, internals §3.4 step 6). */
export function applyMask(
  pins: Readonly<Record<string, unknown>>,
  mask: Readonly<Record<string, unknown>> | undefined,
): Record<string, unknown> {
  return mask ? { ...pins, ...mask } : { ...pins };
}
