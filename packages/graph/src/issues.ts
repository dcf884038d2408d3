/**
 * Problems found while parsing or validating a graph. They are values, never exceptions: a caller collects
 * all of them and shows them at once (architecture guide, "Failure is data").
 */

/** Every issue code; the single source of truth for `GraphIssueCode`. */
export const graphIssueCodes = [
  /** Not JSON, not an object, or a field of the wrong type or missing where the format requires it. */
  'malformed',
  /** Two nodes of one graph share an id. */
  'duplicate_id',
  /** Warning: an id was missing and a fresh one was assigned (AutoGPT's `BaseDbModel`, internals §2.1). */
  'generated_id',
  /** A link points at a node the graph does not have. */
  'missing_node',
  /** A node uses a block id the registry does not know. */
  'unknown_block',
  /** A node uses a disabled block (rejected since v2025b, internals §1.1). */
  'disabled_block',
  /** A link names a pin the block does not have (after sanitising). */
  'unknown_pin',
  /** A required input is neither a constant, nor linked, nor masked. */
  'missing_input',
  /** An input node is named `credentials` or `*_credentials`. */
  'forbidden_name',
  /** A field is set or required but a field it depends on is not (`depends_on`, discriminators). */
  'depends_on',
] as const;
export type GraphIssueCode = (typeof graphIssueCodes)[number];

export interface GraphIssue {
  /** The graph (root or sub-graph) the issue is in; absent for problems above any graph. */
  graph_id?: string;
  node_id?: string;
  /** Link issues name the link too, so a builder can highlight it. */
  link_id?: string;
  /** An input field for node issues; a JSON path (`nodes[2].block_id`) for parse issues. */
  field?: string;
  message: string;
  code: GraphIssueCode;
}

/**
 * Node issues in AutoGPT's wire shape `{node_id: {field: message}}`, as the REST execute route returns them
 * in a 400 `validation_error` (internals §2.4). Issues without a node or field are left out; when one field
 * has several messages the first one is kept, since the wire shape holds one message per field.
 */
export function nodeErrors(issues: readonly GraphIssue[]): Record<string, Record<string, string>> {
  const errors: Record<string, Record<string, string>> = {};
  for (const issue of issues) {
    if (issue.node_id === undefined || issue.field === undefined) continue;
    const fields = (errors[issue.node_id] ??= {});
    fields[issue.field] ??= issue.message;
  }
  return errors;
}
