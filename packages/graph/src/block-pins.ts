import type { AnyBlock } from '@blockloom/sdk';
import { isRecord, propertiesOf } from './json';
import type { Node } from './model';

function childSchemaPins(node: Node, key: 'input_schema' | 'output_schema'): string[] {
  const schema = node.input_default[key];
  return isRecord(schema) ? Object.keys(propertiesOf(schema)) : [];
}

/**
 * The pin names links may use as sinks on this node, or undefined for "any". Blocks with dynamic pins answer
 * through their `inputPins` hook; an Agent block without one reads `input_default.input_schema.properties`
 * (the child graph's inputs, internals §2.4 and §3.10); every other block uses its input schema.
 */
export function nodeInputPins(block: AnyBlock, node: Node): ReadonlySet<string> | undefined {
  if (block.dynamic?.inputPins) {
    const pins = block.dynamic.inputPins(node.input_default);
    return pins ? new Set(pins) : undefined;
  }
  if (block.type === 'Agent') return new Set(childSchemaPins(node, 'input_schema'));
  return new Set(Object.keys(propertiesOf(block.inputSchema)));
}

/**
 * The output pins of this node, or undefined for "any". A dynamic block's pins are its hook's answer plus its
 * declared outputs (as the SDK's `executeBlock` allows); an Agent block without a hook reads
 * `input_default.output_schema.properties`.
 */
export function nodeOutputPins(block: AnyBlock, node: Node): ReadonlySet<string> | undefined {
  const declared = Object.keys(propertiesOf(block.outputSchema));
  if (block.dynamic?.outputPins) {
    const pins = block.dynamic.outputPins(node.input_default);
    return pins ? new Set([...pins, ...declared]) : undefined;
  }
  if (block.type === 'Agent') return new Set([...childSchemaPins(node, 'output_schema'), ...declared]);
  return new Set(declared);
}
