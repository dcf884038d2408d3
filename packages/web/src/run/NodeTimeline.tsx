import { useId, useState } from 'react';
import { StatusBadge, cx, formatDuration } from '../components/ui';
import { NodeExecutionDetails } from './NodeExecutionDetails';
import {
  formatClock,
  shortId,
  sortByStart,
  timelineBar,
  timelineSpan,
  type NodeExecution,
  type RunMeta,
} from './run-model';

export interface NodeTimelineProps {
  run: Pick<RunMeta, 'status' | 'started_at' | 'ended_at'>;
  nodes: readonly NodeExecution[];
  /** The name to show for a node execution: the node's custom name or its block's name. */
  nameOf(node: NodeExecution): string;
  /** The current time, for bars of nodes still running. */
  now: number;
}

const barColours: Record<string, string> = {
  COMPLETED: 'bg-emerald-500',
  RUNNING: 'bg-sky-500 animate-pulse',
  QUEUED: 'bg-amber-400',
  FAILED: 'bg-red-500',
  TERMINATED: 'bg-orange-500',
  REVIEW: 'bg-violet-500',
  INCOMPLETE: 'bg-slate-400',
};

const columns = 'grid grid-cols-[minmax(0,1fr)_6rem_repeat(3,6.5rem)_minmax(8rem,1.2fr)] items-center gap-3';

/**
 * The run's node executions in start order: name, short node id, status, queued/started/ended times and a
 * bar placing the execution within the run. A row expands into its `NodeExecutionDetails`.
 */
export function NodeTimeline({ run, nodes, nameOf, now }: NodeTimelineProps) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const ordered = sortByStart(nodes);
  const span = timelineSpan(run, ordered, now);
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return (
    <div
      className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-700"
      data-testid="node-timeline"
    >
      <div className="min-w-[56rem]">
        <div
          aria-hidden
          className={cx(
            columns,
            'bg-slate-50 px-3 py-2 text-xs text-slate-500 uppercase dark:bg-slate-800/60 dark:text-slate-400',
          )}
        >
          <span>Node</span>
          <span>Status</span>
          <span>Queued</span>
          <span>Started</span>
          <span>Ended</span>
          <span>Timeline</span>
        </div>
        <ol className="divide-y divide-slate-200 dark:divide-slate-700">
          {ordered.map((node) => (
            <TimelineRow
              key={node.node_exec_id}
              node={node}
              name={nameOf(node)}
              bar={span ? timelineBar(node, span, now) : undefined}
              expanded={open.has(node.node_exec_id)}
              onToggle={() => toggle(node.node_exec_id)}
            />
          ))}
        </ol>
      </div>
    </div>
  );
}

function TimelineRow({
  node,
  name,
  bar,
  expanded,
  onToggle,
}: {
  node: NodeExecution;
  name: string;
  bar: ReturnType<typeof timelineBar> | undefined;
  expanded: boolean;
  onToggle(): void;
}) {
  const detailsId = useId();
  return (
    <li
      data-testid="node-exec-row"
      data-node-id={node.node_id}
      data-node-exec-id={node.node_exec_id}
      data-status={node.status}
    >
      <button
        type="button"
        aria-expanded={expanded}
        aria-controls={expanded ? detailsId : undefined}
        className={cx(
          columns,
          'w-full px-3 py-2 text-left text-sm hover:bg-slate-50 dark:hover:bg-slate-800/40',
        )}
        onClick={onToggle}
      >
        <span className="flex min-w-0 items-center gap-2">
          <span aria-hidden className="text-xs text-slate-400">
            {expanded ? '▾' : '▸'}
          </span>
          <span className="truncate font-medium">{name}</span>
          <span
            className="shrink-0 font-mono text-xs text-slate-500 dark:text-slate-400"
            title={node.node_id}
          >
            {shortId(node.node_id)}
          </span>
        </span>
        <span>
          <StatusBadge status={node.status} />
        </span>
        <span className="font-mono text-xs">{formatClock(node.queue_time ?? node.add_time)}</span>
        <span className="font-mono text-xs">{formatClock(node.start_time)}</span>
        <span className="font-mono text-xs">{formatClock(node.end_time)}</span>
        <span className="flex items-center gap-2">
          <span className="relative h-2.5 flex-1 rounded bg-slate-100 dark:bg-slate-800">
            {bar && (
              <span
                className={cx('absolute inset-y-0 rounded', barColours[node.status] ?? barColours.INCOMPLETE)}
                style={{ left: `${bar.offset}%`, width: `${bar.width}%` }}
              />
            )}
          </span>
          <span className="w-14 shrink-0 text-right text-xs text-slate-500 tabular-nums dark:text-slate-400">
            {formatDuration(bar?.seconds)}
          </span>
        </span>
      </button>
      {expanded && (
        <div
          id={detailsId}
          className="border-t border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
        >
          <NodeExecutionDetails execution={node} />
        </div>
      )}
    </li>
  );
}
