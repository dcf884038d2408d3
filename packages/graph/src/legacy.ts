import type { Graph } from './model';
import { LIST_SPLIT } from './pins';

/** CombineTextsBlock, whose 2024 version took its texts as pins `input1`, `input2`, … (blocks §1.4). */
const COMBINE_TEXTS_BLOCK_ID = 'e30a4d42-7b7d-4e6a-b36e-1f9b8e3b7d85';
const NUMBERED_INPUT = /^input([1-9]\d*)$/;

/**
 * Rewrites pins of the 2024 templates into today's names, so those agents import and run unchanged:
 * CombineTexts' numbered pins `inputN` (links and constants) become the list pin `input_$_{N-1}`.
 */
export function upgradeLegacyPins(graph: Graph): Graph {
  const combiners = new Set(
    graph.nodes.filter((node) => node.block_id === COMBINE_TEXTS_BLOCK_ID).map((n) => n.id),
  );
  if (combiners.size === 0) return graph;
  const rename = (pin: string) => {
    const match = NUMBERED_INPUT.exec(pin);
    return match ? `input${LIST_SPLIT}${Number(match[1]) - 1}` : pin;
  };
  return {
    ...graph,
    nodes: graph.nodes.map((node) =>
      combiners.has(node.id)
        ? {
            ...node,
            input_default: Object.fromEntries(
              Object.entries(node.input_default).map(([key, value]) => [rename(key), value]),
            ),
          }
        : node,
    ),
    links: graph.links.map((link) =>
      combiners.has(link.sink_id) ? { ...link, sink_name: rename(link.sink_name) } : link,
    ),
  };
}
