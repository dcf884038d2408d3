import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../api/client';
import {
  Button,
  EmptyState,
  ErrorNote,
  Spinner,
  StatusBadge,
  formatDuration,
  formatTime,
} from '../components/ui';
import { DeleteRunDialog } from '../run/DeleteRunDialog';
import { NodeTimeline } from '../run/NodeTimeline';
import { useBlockNames, useGraph, useGraphList, useNow } from '../run/queries';
import { useRun, useRunAgain, useStopRun } from '../run/run-data';
import { describeApiError } from '../run/run-inputs';
import {
  builderRunPath,
  costInDollars,
  formatCost,
  formatNodeCount,
  isActiveStatus,
  runDurationSeconds,
  runPath,
  shortId,
  type NodeExecution,
  type RunDetails,
} from '../run/run-model';
import { RunInputsPanel, RunOutputsPanel } from '../run/RunValues';

/** `/runs/:graphId/:execId`: one run, finished or live: summary, inputs, outputs and the node timeline. */
export default function Run() {
  const { graphId = '', execId = '' } = useParams();
  const run = useRun(graphId, execId);
  if (run.isLoading) return <Spinner label="Loading the run" />;
  if (run.error || !run.data) {
    const missing = run.error instanceof ApiError && run.error.status === 404;
    return missing ? (
      <EmptyState title="This run does not exist">
        It may have been deleted.{' '}
        <Link to="/runs" className="text-indigo-600 hover:underline dark:text-indigo-400">
          See all runs
        </Link>
      </EmptyState>
    ) : (
      <ErrorNote error={describeApiError(run.error)} onRetry={() => void run.refetch()} />
    );
  }
  return <RunView run={run.data} />;
}

const linkButton =
  'inline-flex items-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700';

function RunView({ run }: { run: RunDetails }) {
  const navigate = useNavigate();
  const active = isActiveStatus(run.status);
  const now = useNow(active);
  const graph = useGraph(run.graph_id, run.graph_version);
  const graphs = useGraphList();
  const blockNames = useBlockNames();
  const stop = useStopRun(run.graph_id, run.id);
  const again = useRunAgain();
  const [deleting, setDeleting] = useState(false);

  // A run outlives its graph: then neither the builder nor a new run can open that version.
  const graphGone = graph.error instanceof ApiError && graph.error.status === 404;
  const agentName = graph.data?.name ?? graphs.data?.find((meta) => meta.id === run.graph_id)?.name;
  const nodesById = new Map((graph.data?.nodes ?? []).map((node) => [node.id, node]));
  const nameOf = (execution: NodeExecution) => {
    const custom = nodesById.get(execution.node_id)?.metadata.customized_name;
    if (typeof custom === 'string' && custom !== '') return custom;
    return blockNames.get(execution.block_id) ?? 'Unknown block';
  };
  const actionError = stop.error ?? again.error;

  return (
    <div
      className="flex flex-col gap-5"
      data-testid="run-page"
      data-exec-id={run.id}
      data-status={run.status}
    >
      <header data-testid="run-header" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div className="flex min-w-0 flex-wrap items-center gap-3">
            <h1 className="truncate text-xl font-semibold">{agentName ?? 'Deleted agent'}</h1>
            <span className="text-sm text-slate-500 dark:text-slate-400">v{run.graph_version}</span>
            <span data-testid="run-status" data-status={run.status}>
              <StatusBadge status={run.status} />
            </span>
          </div>
          <div className="flex flex-wrap items-center gap-2">
            {active && (
              <Button
                variant="danger"
                data-testid="run-stop"
                disabled={stop.isPending}
                onClick={() => stop.mutate()}
              >
                {stop.isPending ? 'Stopping…' : 'Stop'}
              </Button>
            )}
            {!graphGone && (
              <>
                <Button
                  data-testid="run-again"
                  disabled={again.isPending}
                  onClick={() => again.mutate(run, { onSuccess: (next) => void navigate(runPath(next)) })}
                >
                  {again.isPending ? 'Starting…' : 'Run again'}
                </Button>
                <Link to={builderRunPath(run)} className={linkButton} data-testid="run-open-builder">
                  Open in builder
                </Link>
              </>
            )}
            <Button variant="ghost" onClick={() => setDeleting(true)} aria-label="Delete this run">
              Delete
            </Button>
          </div>
        </div>
        <Summary run={run} now={now} />
        {actionError && <ErrorNote error={describeApiError(actionError)} />}
        {run.stats?.error && (
          <div
            data-testid="run-error"
            className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
          >
            <span className="font-semibold">Error: </span>
            <span className="whitespace-pre-wrap">{run.stats.error}</span>
          </div>
        )}
      </header>
      <div className="grid gap-4 md:grid-cols-2">
        <RunInputsPanel run={run} />
        <RunOutputsPanel run={run} active={active} />
      </div>
      <section className="flex flex-col gap-3" aria-labelledby="node-timeline-title">
        <div className="flex items-baseline justify-between gap-3">
          <h2 id="node-timeline-title" className="text-base font-semibold">
            Nodes
          </h2>
          {!graphGone && (
            <Link
              to={`/runs?graphID=${encodeURIComponent(run.graph_id)}`}
              className="text-sm text-indigo-600 hover:underline dark:text-indigo-400"
            >
              All runs of this agent
            </Link>
          )}
        </div>
        {run.node_executions === undefined ? (
          <EmptyState title="Node details are not available">
            The agent version of this run was deleted; its inputs and outputs remain.
          </EmptyState>
        ) : run.node_executions.length === 0 ? (
          <EmptyState title={active ? 'Waiting for the first node…' : 'No node ran'} />
        ) : (
          <NodeTimeline run={run} nodes={run.node_executions} nameOf={nameOf} now={now} />
        )}
      </section>
      <DeleteRunDialog
        run={deleting ? run : null}
        agentName={agentName}
        onClose={() => setDeleting(false)}
        onDeleted={() =>
          void navigate(graphGone ? '/runs' : `/runs?graphID=${encodeURIComponent(run.graph_id)}`)
        }
      />
    </div>
  );
}

function Summary({ run, now }: { run: RunDetails; now: number }) {
  const items: [string, string, string?][] = [
    ['Started', run.started_at ? formatTime(run.started_at) : 'Not started'],
    ['Ended', run.ended_at ? formatTime(run.ended_at) : '—'],
    ['Duration', formatDuration(runDurationSeconds(run, now))],
    ['Nodes run', formatNodeCount(run.stats)],
    ['Cost', formatCost(run.stats), costInDollars(run.stats)],
    ['Run id', shortId(run.id), run.id],
  ];
  return (
    <dl className="flex flex-wrap gap-x-10 gap-y-3 rounded-lg border border-slate-200 px-4 py-3 text-sm dark:border-slate-700">
      {items.map(([term, value, title]) => (
        <div key={term} className="min-w-0">
          <dt className="text-xs text-slate-500 dark:text-slate-400">{term}</dt>
          <dd
            className="tabular-nums"
            title={title}
            data-testid={`run-${term.toLowerCase().replace(' ', '-')}`}
          >
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
