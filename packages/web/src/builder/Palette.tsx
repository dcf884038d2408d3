import { memo, useMemo, useState, type DragEvent } from 'react';
import { Input, cx } from '../components/ui';
import type { BlockLike } from '../editor/types';
import { categoryColour, categoryLabel, displayName, primaryCategory, searchScore } from './blocks';

/** The HTML5 drag-and-drop types that carry a block id, or a saved agent's id, from the palette to the canvas. */
export const BLOCK_DRAG_TYPE = 'application/blockloom-block';
export const AGENT_DRAG_TYPE = 'application/blockloom-agent';

/** A saved agent the palette offers as a sub-agent block. */
export interface PaletteAgent {
  id: string;
  name: string;
  description: string;
  version: number;
}

type Entry =
  | {
      kind: 'block';
      key: string;
      name: string;
      title: string;
      description: string;
      colour: string;
      block: BlockLike;
    }
  | {
      kind: 'agent';
      key: string;
      name: string;
      title: string;
      description: string;
      colour: string;
      agent: PaletteAgent;
    };

const AGENT_CATEGORY = 'AGENT';

/**
 * The block list: search, category filter, drag a block onto the canvas or press Enter to add it. The user's
 * saved agents are listed too (as sub-agent blocks); the bare Agent Executor block, which needs an agent, is not.
 */
export const Palette = memo(function Palette({
  blocks,
  agents,
  onAdd,
  onAddAgent,
  onCollapse,
}: {
  blocks: readonly BlockLike[];
  agents: readonly PaletteAgent[];
  onAdd: (block: BlockLike) => void;
  onAddAgent: (agent: PaletteAgent) => void;
  onCollapse: () => void;
}) {
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState<string | null>(null);
  const listed = useMemo(() => blocks.filter((block) => block.uiType !== 'Agent'), [blocks]);
  const agentBlock = useMemo(() => blocks.find((block) => block.uiType === 'Agent'), [blocks]);

  const categories = useMemo(() => {
    const names = new Set<string>();
    for (const block of listed) for (const entry of block.categories) names.add(entry.category);
    if (agentBlock && agents.length > 0) names.add(AGENT_CATEGORY);
    return [...names].sort((a, b) => categoryLabel(a).localeCompare(categoryLabel(b)));
  }, [listed, agentBlock, agents.length]);

  const shown = useMemo(() => {
    const entries: Entry[] = [];
    for (const block of listed) {
      if (category !== null && !block.categories.some((entry) => entry.category === category)) continue;
      entries.push({
        kind: 'block',
        key: block.id,
        name: block.name,
        title: displayName(block.name),
        description: block.description,
        colour: categoryColour(primaryCategory(block)),
        block,
      });
    }
    if (agentBlock && (category === null || category === AGENT_CATEGORY)) {
      for (const agent of agents) {
        entries.push({
          kind: 'agent',
          key: `agent:${agent.id}`,
          name: agent.name,
          title: agent.name || 'Untitled agent',
          description: agent.description || 'One of your agents, run as a step of this one.',
          colour: categoryColour(AGENT_CATEGORY),
          agent,
        });
      }
    }
    return entries
      .map((entry) => ({ entry, score: searchScore(entry, query) }))
      .filter((item) => item.score > 0)
      .sort((a, b) => b.score - a.score || a.entry.title.localeCompare(b.entry.title))
      .map((item) => item.entry);
  }, [listed, agents, agentBlock, category, query]);

  const add = (entry: Entry) => {
    if (entry.kind === 'block') onAdd(entry.block);
    else onAddAgent(entry.agent);
  };

  const onDragStart = (event: DragEvent<HTMLLIElement>, entry: Entry) => {
    if (entry.kind === 'block') event.dataTransfer.setData(BLOCK_DRAG_TYPE, entry.block.id);
    else event.dataTransfer.setData(AGENT_DRAG_TYPE, entry.agent.id);
    event.dataTransfer.setData('text/plain', entry.name);
    event.dataTransfer.effectAllowed = 'copy';
  };

  return (
    <aside
      aria-label="Blocks"
      className="flex w-64 shrink-0 flex-col border-r border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex items-center gap-2 border-b border-slate-200 px-3 py-2 dark:border-slate-800">
        <h2 className="text-sm font-semibold">Blocks</h2>
        <span className="text-xs text-slate-500">{shown.length}</span>
        <button
          type="button"
          className="ml-auto rounded px-1.5 text-slate-500 hover:bg-slate-100 dark:hover:bg-slate-800"
          aria-label="Hide the block list"
          title="Hide the block list"
          onClick={onCollapse}
        >
          «
        </button>
      </div>
      <div className="flex flex-col gap-2 border-b border-slate-200 p-2 dark:border-slate-800">
        <Input
          type="search"
          aria-label="Search blocks"
          placeholder="Search blocks…"
          data-testid="palette-search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            const first = shown[0];
            if (event.key === 'Enter' && first) {
              event.preventDefault();
              add(first);
            }
          }}
        />
        <div className="flex flex-wrap gap-1" role="group" aria-label="Filter by category">
          {categories.map((name) => (
            <button
              key={name}
              type="button"
              aria-pressed={category === name}
              data-testid="palette-category"
              className={cx(
                'flex items-center gap-1 rounded-full border px-2 py-0.5 text-[11px]',
                category === name
                  ? 'border-indigo-500 bg-indigo-50 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200'
                  : 'border-slate-300 text-slate-600 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-300 dark:hover:bg-slate-800',
              )}
              onClick={() => setCategory(category === name ? null : name)}
            >
              <span
                aria-hidden
                className="h-2 w-2 rounded-full"
                style={{ background: categoryColour(name) }}
              />
              {categoryLabel(name)}
            </button>
          ))}
        </div>
      </div>
      {shown.length === 0 ? (
        <p className="p-4 text-sm text-slate-500">No block matches “{query}”.</p>
      ) : (
        <ul className="min-h-0 flex-1 overflow-y-auto p-2" aria-label="Block list">
          {shown.map((entry) => (
            <li
              key={entry.key}
              draggable
              tabIndex={0}
              role="button"
              aria-label={`Add ${entry.title}`}
              data-testid={entry.kind === 'block' ? 'palette-block' : 'palette-agent'}
              data-block-name={entry.kind === 'block' ? entry.name : undefined}
              data-agent-id={entry.kind === 'agent' ? entry.agent.id : undefined}
              title={`${entry.description}\n\nDrag onto the canvas, or click to add.`}
              className="mb-1 cursor-grab rounded-md border border-slate-200 bg-white px-2 py-1.5 hover:border-indigo-400 hover:bg-indigo-50/50 active:cursor-grabbing dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800"
              style={{ borderLeft: `4px solid ${entry.colour}` }}
              onDragStart={(event) => onDragStart(event, entry)}
              onClick={() => add(entry)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  add(entry);
                }
              }}
            >
              <div className="flex items-center gap-1.5">
                <span className="truncate text-sm font-medium">{entry.title}</span>
                {entry.kind === 'agent' && (
                  <span className="shrink-0 rounded bg-indigo-100 px-1 text-[10px] font-semibold text-indigo-800 uppercase dark:bg-indigo-900 dark:text-indigo-200">
                    agent v{entry.agent.version}
                  </span>
                )}
              </div>
              <div className="line-clamp-2 text-[11px] leading-snug text-slate-500 dark:text-slate-400">
                {entry.description}
              </div>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
});
