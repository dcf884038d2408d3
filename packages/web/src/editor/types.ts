/**
 * The editor's own minimal, structural types. They describe only the fields the editor reads or writes, so
 * the API types generated later from the server's OpenAPI document are assignable to them. Nothing here is
 * imported from other workspace packages: the web app talks to the server over HTTP only.
 */

/** A JSON Schema node as plain data (a block's input or output schema, or one property of it). */
export type JsonSchema = { [key: string]: unknown };

export interface BlockCategoryLike {
  category: string;
  description?: string;
}

/** One entry of `GET /api/blocks` (internals §1.5), minus what the editor does not need. */
export interface BlockLike {
  id: string;
  name: string;
  description: string;
  categories: readonly BlockCategoryLike[];
  inputSchema: JsonSchema;
  outputSchema: JsonSchema;
  staticOutput: boolean;
  /** `Standard`, `Input`, `Output`, `Note`, `Agent`, `AI`, `Webhook`, … */
  uiType: string;
}

/** Blocks by id, or the list `GET /api/blocks` returns. */
export type BlockSource = ReadonlyMap<string, BlockLike> | readonly BlockLike[];

/** A link in AutoGPT's graph JSON (internals §2.1). */
export interface ApiLinkLike {
  id?: string | null;
  source_id: string;
  sink_id: string;
  source_name: string;
  sink_name: string;
  is_static?: boolean | null;
}

/** A node in AutoGPT's graph JSON (internals §2.1). */
export interface ApiNodeLike {
  id: string;
  block_id: string;
  input_default?: { [key: string]: unknown } | null;
  metadata?: { [key: string]: unknown } | null;
  input_links?: readonly ApiLinkLike[] | null;
  output_links?: readonly ApiLinkLike[] | null;
}

/** A graph as `GET /api/graphs/{id}` or an exported agent file gives it (internals §2.2). */
export interface ApiGraphLike {
  id?: string | null;
  version?: number | null;
  name?: string | null;
  description?: string | null;
  nodes?: readonly ApiNodeLike[] | null;
  links?: readonly ApiLinkLike[] | null;
  [key: string]: unknown;
}

export interface Position {
  x: number;
  y: number;
}

/** A node as the editor holds it: AutoGPT's node with camel-case names and the position lifted out. */
export interface EditorNode {
  id: string;
  blockId: string;
  position: Position;
  /** The node's constant inputs (`input_default`). */
  inputs: Record<string, unknown>;
  /** `metadata` without `position`, kept untouched (`customized_name`, `credentials_optional`, …). */
  metadata: Record<string, unknown>;
}

export interface EditorLink {
  id: string;
  /** Source node id and output pin name (`source_id`, `source_name`). */
  source: string;
  sourcePin: string;
  /** Sink node id and input pin name (`sink_id`, `sink_name`). */
  target: string;
  targetPin: string;
  isStatic: boolean;
}

export interface EditorGraph {
  id?: string;
  version?: number;
  name: string;
  description: string;
  nodes: EditorNode[];
  links: EditorLink[];
  /**
   * Graph fields the editor does not edit but must send back on save (`instructions`, `sub_graphs`,
   * `is_active`, …). Computed and server-owned fields are not kept.
   */
  extra?: Record<string, unknown>;
}
