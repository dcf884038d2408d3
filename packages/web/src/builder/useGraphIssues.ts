import { useEffect, useMemo, useRef, useState } from 'react';
import { api, unwrap } from '../api/client';
import { groupIssues, localIssues, type IssueMap, type ServerIssueLike } from '../editor/issues';
import { toApiGraph, type EditorGraph, type EditorLink, type EditorNode } from '../editor/model';
import type { BlockLike } from '../editor/types';

/** The parts of the graph validation looks at: nodes (blocks, inputs) and links, not positions. */
export interface Structure {
  nodes: EditorNode[];
  links: EditorLink[];
}

/**
 * The graph's structure, as a value that keeps its identity while only positions change: dragging a node
 * does not re-validate anything.
 */
export function useStructure(graph: EditorGraph): Structure {
  const previous = useRef<Structure | null>(null);
  const old = previous.current;
  const same =
    old !== null &&
    old.links === graph.links &&
    old.nodes.length === graph.nodes.length &&
    old.nodes.every((node, index) => {
      const other = graph.nodes[index];
      return (
        other !== undefined &&
        (other === node ||
          (other.id === node.id &&
            other.blockId === node.blockId &&
            other.inputs === node.inputs &&
            other.metadata === node.metadata))
      );
    });
  const structure = same && old ? old : { nodes: graph.nodes, links: graph.links };
  useEffect(() => {
    previous.current = structure;
  });
  return structure;
}

const VALIDATE_DELAY_MS = 600;

/**
 * The graph's issues: the editor's own checks at once on every change, plus the server's
 * (`POST /api/graphs/validate` with `for_run`, ~600 ms after the last change). Server issues are shown only
 * for the structure they were computed for, so a fixed field never shows a stale message, and never twice
 * for a field the editor already reports.
 */
export function useGraphIssues(graph: EditorGraph, blocks: ReadonlyMap<string, BlockLike>): IssueMap {
  const structure = useStructure(graph);
  const [server, setServer] = useState<{ for: Structure; issues: readonly ServerIssueLike[] } | null>(null);
  const latest = useRef(graph);
  useEffect(() => {
    latest.current = graph;
  });

  useEffect(() => {
    if (structure.nodes.length === 0) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      unwrap(
        api.POST('/api/graphs/validate', {
          body: { graph: { ...toApiGraph(latest.current) }, for_run: true },
          signal: controller.signal,
        }),
      ).then(
        (result) => setServer({ for: structure, issues: result.issues }),
        // The editor's own checks still show; the server's come back with the next change.
        () => undefined,
      );
    }, VALIDATE_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [structure]);

  const local = useMemo(() => localIssues(structure, blocks), [structure, blocks]);

  return useMemo(() => {
    const nodeIds = new Set(structure.nodes.map((node) => node.id));
    const linkIds = new Set(structure.links.map((link) => link.id));
    const known = new Set(local.map((issue) => `${issue.node_id ?? ''}|${issue.field ?? ''}`));
    const fromServer =
      server && server.for === structure
        ? server.issues.filter(
            (issue) =>
              (issue.node_id === null || issue.node_id === undefined || nodeIds.has(issue.node_id)) &&
              (!issue.link_id || linkIds.has(issue.link_id)) &&
              !known.has(`${issue.node_id ?? ''}|${issue.field ?? ''}`),
          )
        : [];
    return groupIssues([...local, ...fromServer], { nodeIds });
  }, [local, server, structure]);
}
