import type { Edge, Node } from '@xyflow/react';
import { useMemo, useRef } from 'react';
import type { Issue, IssueMap } from '../editor/issues';
import type { EditorGraph, EditorLink, EditorNode } from '../editor/model';
import { inputPins, outputPins, type Pin } from '../editor/pins';
import type { NodeRunState, RunState } from '../editor/run-state';
import type { BlockLike } from '../editor/types';
import { pinColour } from './blocks';

/**
 * React Flow's controlled nodes and edges, derived from the editor graph with stable identities: a node or
 * edge object is rebuilt only when something it shows changed, so React Flow keeps its internal node and
 * the memoized node component does not re-render while another node is dragged or edited.
 */

export type BlockNodeData = {
  node: EditorNode;
  block: BlockLike | undefined;
  inputs: readonly Pin[];
  outputs: readonly Pin[];
  /** Input pins that have a link (their inline editor is hidden). */
  linked: ReadonlySet<string>;
  issues: readonly Issue[] | undefined;
  run: NodeRunState | undefined;
};

export type BlockFlowNode = Node<BlockNodeData, 'block'>;

export type LinkEdgeData = { link: EditorLink };
export type LinkFlowEdge = Edge<LinkEdgeData>;

export type Measured = { width: number; height: number };

interface NodeEntry {
  node: EditorNode;
  block: BlockLike | undefined;
  pinsKey: string;
  inputs: readonly Pin[];
  outputs: readonly Pin[];
  linked: ReadonlySet<string>;
  issuesKey: string;
  issues: readonly Issue[] | undefined;
  run: NodeRunState | undefined;
  selected: boolean;
  flow: BlockFlowNode;
}

interface EdgeEntry {
  link: EditorLink;
  animated: boolean;
  selected: boolean;
  colour: string;
  invalid: boolean;
  flow: LinkFlowEdge;
}

interface Sides {
  incoming: EditorLink[];
  outgoing: EditorLink[];
}

const noLinks: Sides = { incoming: [], outgoing: [] };

function linksByNode(links: readonly EditorLink[]): Map<string, Sides> {
  const map = new Map<string, Sides>();
  const sides = (id: string) => {
    let entry = map.get(id);
    if (!entry) {
      entry = { incoming: [], outgoing: [] };
      map.set(id, entry);
    }
    return entry;
  };
  for (const link of links) {
    sides(link.target).incoming.push(link);
    sides(link.source).outgoing.push(link);
  }
  return map;
}

const issuesKeyOf = (issues: readonly Issue[] | undefined) =>
  issues ? issues.map((issue) => `${issue.field ?? ''}\u0000${issue.message}`).join('\u0001') : '';

export interface FlowInputs {
  graph: EditorGraph;
  blocks: ReadonlyMap<string, BlockLike>;
  selectedNodes: ReadonlySet<string>;
  selectedLinks: ReadonlySet<string>;
  issues: IssueMap;
  run: RunState | undefined;
  measured: ReadonlyMap<string, Measured>;
}

export function useFlowElements(inputs: FlowInputs): { nodes: BlockFlowNode[]; edges: LinkFlowEdge[] } {
  const { graph, blocks, selectedNodes, selectedLinks, issues, run, measured } = inputs;
  const nodeCache = useRef(new Map<string, NodeEntry>());
  const edgeCache = useRef(new Map<string, EdgeEntry>());
  const byNode = useMemo(() => linksByNode(graph.links), [graph.links]);

  const nodes = useMemo(() => {
    const cache = nodeCache.current;
    const next = new Map<string, NodeEntry>();
    const list = graph.nodes.map((node) => {
      const block = blocks.get(node.blockId);
      const sides = byNode.get(node.id) ?? noLinks;
      const pinsKey = `${sides.incoming.map((link) => link.targetPin).join('\u0000')}\u0001${sides.outgoing
        .map((link) => link.sourcePin)
        .join('\u0000')}`;
      const nodeIssues = issues.byNode.get(node.id);
      const issuesKey = issuesKeyOf(nodeIssues);
      const nodeRun = run?.nodes[node.id];
      const selected = selectedNodes.has(node.id);
      const old = cache.get(node.id);
      if (
        old &&
        old.node === node &&
        old.block === block &&
        old.pinsKey === pinsKey &&
        old.issuesKey === issuesKey &&
        old.run === nodeRun &&
        old.selected === selected
      ) {
        next.set(node.id, old);
        return old.flow;
      }
      const samePins =
        old && old.node.inputs === node.inputs && old.block === block && old.pinsKey === pinsKey;
      const pins = samePins
        ? { inputs: old.inputs, outputs: old.outputs, linked: old.linked }
        : {
            inputs: block ? inputPins(block, node, sides.incoming) : [],
            outputs: block ? outputPins(block, node, sides.outgoing) : [],
            linked: new Set(sides.incoming.map((link) => link.targetPin)),
          };
      const data: BlockNodeData = {
        node,
        block,
        ...pins,
        issues: old && old.issuesKey === issuesKey ? old.issues : nodeIssues,
        run: nodeRun,
      };
      const size = measured.get(node.id);
      const flow: BlockFlowNode = {
        id: node.id,
        type: 'block',
        position: node.position,
        data,
        selected,
        ...(size ? { measured: size } : {}),
      };
      next.set(node.id, {
        node,
        block,
        pinsKey,
        ...pins,
        issuesKey,
        issues: data.issues,
        run: nodeRun,
        selected,
        flow,
      });
      return flow;
    });
    nodeCache.current = next;
    return list;
    // `measured` is read only for nodes rebuilt for another reason: React Flow already knows the sizes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [graph.nodes, blocks, byNode, issues, run, selectedNodes]);

  const edges = useMemo(() => {
    const cache = edgeCache.current;
    const next = new Map<string, EdgeEntry>();
    const invalidLinks = new Set<string>();
    for (const list of issues.byNode.values())
      for (const issue of list) if (issue.link_id) invalidLinks.add(issue.link_id);
    for (const issue of issues.general) if (issue.link_id) invalidLinks.add(issue.link_id);
    const list = graph.links.map((link) => {
      const animated = run?.nodes[link.source]?.status === 'RUNNING';
      const selected = selectedLinks.has(link.id);
      const pin = nodeCache.current
        .get(link.source)
        ?.outputs.find((candidate) => candidate.name === link.sourcePin);
      const colour = pinColour(pin?.type ?? 'any');
      const invalid = invalidLinks.has(link.id);
      const old = cache.get(link.id);
      if (
        old &&
        old.link === link &&
        old.animated === animated &&
        old.selected === selected &&
        old.colour === colour &&
        old.invalid === invalid
      ) {
        next.set(link.id, old);
        return old.flow;
      }
      const flow: LinkFlowEdge = {
        id: link.id,
        source: link.source,
        target: link.target,
        sourceHandle: link.sourcePin,
        targetHandle: link.targetPin,
        animated,
        selected,
        data: { link },
        style: {
          stroke: invalid ? '#ef4444' : colour,
          strokeWidth: selected ? 3 : 2,
          ...(link.isStatic && !animated ? { strokeDasharray: '6 4' } : {}),
        },
      };
      next.set(link.id, { link, animated, selected, colour, invalid, flow });
      return flow;
    });
    edgeCache.current = next;
    return list;
    // Pin colours come from the node entries built just above (same render).
  }, [graph.links, issues, run, selectedLinks]);

  return { nodes, edges };
}
