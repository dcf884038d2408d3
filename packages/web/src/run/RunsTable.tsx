import { Link } from 'react-router';
import { Button, DataTable, formatDuration, formatTime, StatusBadge } from '../components/ui';
import { useNow } from './queries';
import {
  costInDollars,
  formatCost,
  formatNodeCount,
  isActiveStatus,
  runDurationSeconds,
  runPath,
  shortId,
  type RunMeta,
} from './run-model';

export interface RunsTableProps {
  runs: readonly RunMeta[];
  /**
   * Agent names by graph id (`GET /api/graphs`), undefined while they load; a run of an agent not in it shows
   * "Deleted agent".
   */
  agentNames: ReadonlyMap<string, string> | undefined;
  /** Ask to delete a run (the caller confirms). */
  onDelete(run: RunMeta): void;
}

const cell = 'px-3 py-2 align-middle';

/** Runs as rows: agent, status, start, duration (live while running), node count, cost, open and delete. */
export function RunsTable({ runs, agentNames, onDelete }: RunsTableProps) {
  const now = useNow(runs.some((run) => isActiveStatus(run.status)));
  return (
    <DataTable
      caption="Runs"
      columns={[
        { label: 'Agent', className: cell },
        { label: 'Status', className: cell },
        { label: 'Started', className: cell },
        { label: 'Duration', className: cell },
        { label: 'Nodes', className: `${cell} text-right` },
        { label: 'Cost', className: `${cell} text-right` },
        { label: 'Actions', className: cell, srOnly: true },
      ]}
    >
      {runs.map((run) => {
        const name = agentNames?.get(run.graph_id);
        const label = name ?? (agentNames ? 'Deleted agent' : '…');
        return (
          <tr
            key={run.id}
            data-testid="run-row"
            data-exec-id={run.id}
            data-status={run.status}
            className="hover:bg-slate-50 dark:hover:bg-slate-800/40"
          >
            <td className={cell}>
              {name === undefined ? (
                <span className="text-slate-500 dark:text-slate-400">{label}</span>
              ) : (
                <Link
                  to={`/runs?graphID=${encodeURIComponent(run.graph_id)}`}
                  className="font-medium hover:underline"
                  title="Show this agent's runs"
                >
                  {name}
                </Link>
              )}
              <span className="ml-1.5 text-xs text-slate-500 dark:text-slate-400">v{run.graph_version}</span>
            </td>
            <td className={cell}>
              <StatusBadge status={run.status} />
            </td>
            <td className={`${cell} whitespace-nowrap`}>
              {run.started_at ? (
                formatTime(run.started_at)
              ) : (
                <span className="text-slate-500">Not started</span>
              )}
            </td>
            <td className={`${cell} whitespace-nowrap tabular-nums`}>
              {formatDuration(runDurationSeconds(run, now))}
            </td>
            <td className={`${cell} text-right tabular-nums`}>{formatNodeCount(run.stats)}</td>
            <td
              className={`${cell} text-right whitespace-nowrap tabular-nums`}
              title={costInDollars(run.stats)}
            >
              {formatCost(run.stats)}
            </td>
            <td className={`${cell} text-right whitespace-nowrap`}>
              <Link
                to={runPath(run)}
                className="rounded-md px-2 py-1 text-xs font-medium text-indigo-600 hover:bg-indigo-50 dark:text-indigo-400 dark:hover:bg-slate-800"
                aria-label={`Open run ${shortId(run.id)} of ${label}`}
              >
                Open
              </Link>
              <Button
                size="sm"
                variant="ghost"
                className="ml-1 text-red-700! dark:text-red-400!"
                aria-label={`Delete run ${shortId(run.id)}`}
                onClick={() => onDelete(run)}
              >
                Delete
              </Button>
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
