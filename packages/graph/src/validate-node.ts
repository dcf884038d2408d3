import { isCredentialsFieldName, type AnyBlock, type BlockType } from '@blockloom/sdk';
import type { GraphIssue } from './issues';
import { getOwn, propertiesOf, requiredOf, stringList } from './json';
import type { Link, Node } from './model';
import { sanitizePinName } from './pins';

export type LocalIssue = Omit<GraphIssue, 'graph_id'>;

export interface NodeCheck {
  node: Node;
  block: AnyBlock;
  /** Links into the node whose source node exists. */
  inbound: readonly Link[];
  forRun: boolean;
  mask: Record<string, unknown> | undefined;
}

/** When saving, only these node types must have their required inputs (internals §2.4). */
const typesCheckedWhenSaving: readonly BlockType[] = ['Input', 'Output', 'Agent'];

/** Non-null and, for text, not blank (AutoGPT compares `str(value).strip()` with ""). */
function isFilled(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  return typeof value !== 'string' || value.trim() !== '';
}

/** Required input fields nothing provides: not a constant, not linked, not masked. Credentials are exempt. */
function missingRequired(check: NodeCheck, provided: ReadonlySet<string>): string[] {
  const { block, node, forRun } = check;
  if (!forRun && !typesCheckedWhenSaving.includes(block.type)) return [];
  const missing = requiredOf(block.inputSchema).filter(
    (field) => !block.credentialsFields.includes(field) && !provided.has(field),
  );
  // For a run the block's own missing-input check applies too (AgentExecutor: the child's required inputs).
  if (forRun && block.dynamic?.missingInput) {
    const defaults = block.dynamic.inputDefaults?.(node.input_default) ?? node.input_default;
    const data = { ...defaults, ...check.mask };
    for (const field of block.dynamic.missingInput(data, node.input_default)) {
      if (!provided.has(field) && !missing.includes(field)) missing.push(field);
    }
  }
  return missing;
}

/**
 * Fields that are set or required while a field they depend on is not: `depends_on` lists (runs only) and a
 * credentials field's `discriminator` (always). "Set" means a filled constant, a non-null schema default, a
 * filled mask value, or (our addition) an inbound link, which fills the field before the node runs.
 */
function unmetDependencies(
  check: NodeCheck,
  linked: ReadonlySet<string>,
): { field: string; missing: string[] }[] {
  const { block, node, forRun } = check;
  const properties = propertiesOf(block.inputSchema);
  const required = requiredOf(block.inputSchema);
  const isSet = (field: string) => {
    const schemaDefault = properties[field]?.default;
    return (
      isFilled(getOwn(node.input_default, field)) ||
      (schemaDefault !== undefined && schemaDefault !== null) ||
      (check.mask !== undefined && isFilled(getOwn(check.mask, field))) ||
      linked.has(field)
    );
  };
  const unmet: { field: string; missing: string[] }[] = [];
  for (const [field, property] of Object.entries(properties)) {
    const dependencies = forRun ? stringList(property.depends_on) : [];
    if (block.credentialsFields.includes(field) && typeof property.discriminator === 'string') {
      dependencies.push(property.discriminator);
    }
    if (dependencies.length === 0 || !(isSet(field) || required.includes(field))) continue;
    const missing = dependencies.filter((dependency) => !isSet(dependency));
    if (missing.length > 0) unmet.push({ field, missing });
  }
  return unmet;
}

/** Per-node checks of internals §2.4 for a node whose block exists. */
export function nodeIssues(check: NodeCheck): LocalIssue[] {
  const { node, block } = check;
  const issues: LocalIssue[] = [];
  const add = (issue: Omit<LocalIssue, 'node_id'>) => issues.push({ node_id: node.id, ...issue });
  if (block.disabled) {
    add({
      code: 'disabled_block',
      message: `Node ${node.id} uses block ${block.name} (${block.id}), which is disabled`,
    });
  }
  const linked = new Set(check.inbound.map((link) => sanitizePinName(link.sink_name)));
  const provided = new Set([
    ...Object.keys(node.input_default).map(sanitizePinName),
    ...linked,
    ...Object.keys(check.mask ?? {}).map(sanitizePinName),
  ]);
  for (const field of missingRequired(check, provided)) {
    add({ field, code: 'missing_input', message: 'This field is required' });
  }
  const name = node.input_default.name;
  if (block.type === 'Input' && typeof name === 'string' && isCredentialsFieldName(name)) {
    add({
      field: 'name',
      code: 'forbidden_name',
      message: `"${name}" is reserved: "credentials" and "*_credentials" name credentials inputs`,
    });
  }
  for (const { field, missing } of unmetDependencies(check, linked)) {
    add({ field, code: 'depends_on', message: `Requires ${missing.join(', ')} to be set` });
  }
  return issues;
}
