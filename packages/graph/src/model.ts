/**
 * The nouns, with AutoGPT's wire names (internals §2.1). These are plain data: what a graph JSON file holds
 * after parsing, and what the store keeps.
 */

export interface Link {
  id: string;
  source_id: string;
  sink_id: string;
  source_name: string;
  sink_name: string;
  is_static: boolean;
}

export interface Node {
  id: string;
  block_id: string;
  /** The node's constant inputs. */
  input_default: Record<string, unknown>;
  /** Owned by the builder: `position {x, y}`, `customized_name`, `credentials_optional`, … */
  metadata: Record<string, unknown>;
  webhook_id?: string | null;
}

/** One version of a graph, without sub-graphs (AutoGPT's `BaseGraph` minus computed fields). */
export interface Graph {
  id: string;
  version: number;
  is_active: boolean;
  name: string;
  description: string;
  instructions: string | null;
  recommended_schedule_cron: string | null;
  forked_from_id: string | null;
  forked_from_version: number | null;
  nodes: Node[];
  /** The canonical link list; a node's `input_links`/`output_links` are derived from it on export. */
  links: Link[];
}

/** A graph with the sub-graphs its AgentExecutor nodes run (flat, each once, root not included). */
export interface GraphWithSubgraphs extends Graph {
  sub_graphs: Graph[];
}

/** A stored graph version: adds the owner and creation time. */
export interface StoredGraph extends Graph {
  user_id: string;
  created_at: string;
}
