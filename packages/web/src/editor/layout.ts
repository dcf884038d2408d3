import type { EditorGraph, Position } from './types';

/** Node placement: a left-to-right layered layout for graphs without positions, and free spots for new nodes. */

export interface LayoutOptions {
  /** Horizontal distance between layers; default 450 (a node is about 350 wide). */
  columnWidth?: number;
  /** Vertical distance between nodes of one layer; default 300. */
  rowHeight?: number;
  /** Where the first layer's first node goes; default (0, 0). */
  origin?: Position;
}

const DEFAULTS = { columnWidth: 450, rowHeight: 300 };

/** Whether a graph looks unplaced: two or more nodes, all at the same position (an import without positions). */
export function needsLayout(graph: Pick<EditorGraph, 'nodes'>): boolean {
  const [first, ...rest] = graph.nodes;
  if (!first || rest.length === 0) return false;
  return rest.every((node) => node.position.x === first.position.x && node.position.y === first.position.y);
}

/**
 * The layer of each node: 0 for nodes without incoming links, otherwise one more than the deepest
 * predecessor (longest path). Links that close a cycle are ignored; links to missing nodes too.
 */
export function layersOf(graph: Pick<EditorGraph, 'nodes' | 'links'>): Map<string, number> {
  const ids = new Set(graph.nodes.map((node) => node.id));
  const predecessors = new Map<string, string[]>(graph.nodes.map((node) => [node.id, []]));
  for (const link of graph.links) {
    if (ids.has(link.source) && ids.has(link.target) && link.source !== link.target) {
      predecessors.get(link.target)?.push(link.source);
    }
  }
  const layer = new Map<string, number>();
  const visiting = new Set<string>();
  const depth = (id: string): number => {
    const known = layer.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return -1; // a back edge of a cycle: ignored
    visiting.add(id);
    let value = 0;
    for (const source of predecessors.get(id) ?? []) {
      const before = depth(source);
      if (before >= 0) value = Math.max(value, before + 1);
    }
    visiting.delete(id);
    layer.set(id, value);
    return value;
  };
  for (const node of graph.nodes) depth(node.id);
  return layer;
}

/**
 * Places every node left to right by link depth (`layersOf`): one column per layer, nodes of a column
 * stacked top-down. Inside a column, nodes are ordered by the average row of their predecessors (fewer
 * crossings), ties in graph order. Returns a new graph; links and inputs are untouched.
 */
export function autoLayout<G extends Pick<EditorGraph, 'nodes' | 'links'>>(
  graph: G,
  options: LayoutOptions = {},
): G {
  const { columnWidth, rowHeight } = { ...DEFAULTS, ...options };
  const origin = options.origin ?? { x: 0, y: 0 };
  const layers = layersOf(graph);
  const columns: string[][] = [];
  graph.nodes.forEach((node) => {
    const index = layers.get(node.id) ?? 0;
    (columns[index] ??= []).push(node.id);
  });
  const row = new Map<string, number>();
  const order = new Map(graph.nodes.map((node, index) => [node.id, index]));
  const sources = new Map<string, string[]>();
  for (const link of graph.links)
    sources.set(link.target, [...(sources.get(link.target) ?? []), link.source]);
  for (const column of columns) {
    if (!column) continue;
    const weight = (id: string) => {
      const rows = (sources.get(id) ?? []).map((source) => row.get(source)).filter((r) => r !== undefined);
      return rows.length > 0 ? rows.reduce((sum, r) => sum + r, 0) / rows.length : Number.POSITIVE_INFINITY;
    };
    const sorted = [...column].sort(
      (a, b) => weight(a) - weight(b) || (order.get(a) ?? 0) - (order.get(b) ?? 0),
    );
    sorted.forEach((id, index) => row.set(id, index));
  }
  const nodes = graph.nodes.map((node) => ({
    ...node,
    position: {
      x: origin.x + (layers.get(node.id) ?? 0) * columnWidth,
      y: origin.y + (row.get(node.id) ?? 0) * rowHeight,
    },
  }));
  return { ...graph, nodes };
}

export interface FreePositionOptions {
  /** Start looking here; default: right of the last node in the graph, or the origin for an empty graph. */
  near?: Position;
  /** The space a node takes; a spot is free when no node's position is closer than this. Default 350 x 200. */
  size?: { width: number; height: number };
  /** The gap between the last node and the new one when `near` is not given; default 100. */
  gap?: number;
}

/**
 * A position for a node added without the mouse (keyboard, "add block" button): to the right of the last
 * added node, or `near`, moved down a node height at a time until it overlaps no node.
 */
export function nextFreePosition(
  graph: Pick<EditorGraph, 'nodes'>,
  options: FreePositionOptions = {},
): Position {
  const size = options.size ?? { width: 350, height: 200 };
  const last = graph.nodes.at(-1);
  const start =
    options.near ??
    (last ? { x: last.position.x + size.width + (options.gap ?? 100), y: last.position.y } : { x: 0, y: 0 });
  const overlaps = (spot: Position) =>
    graph.nodes.some(
      (node) =>
        Math.abs(node.position.x - spot.x) < size.width && Math.abs(node.position.y - spot.y) < size.height,
    );
  const spot = { ...start };
  for (let step = 0; step <= graph.nodes.length && overlaps(spot); step++) spot.y += size.height;
  return spot;
}
