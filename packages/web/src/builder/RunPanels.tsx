import { Link } from 'react-router';
import { Button, ErrorNote, Spinner, StatusBadge, formatDuration } from '../components/ui';
import type { EditorNode } from '../editor/model';
import { isFinalStatus, previewValue } from '../editor/run-state';
import type { BlockLike } from '../editor/types';
import { NodeExecutionDetails } from '../run/NodeExecutionDetails';
import { useNow } from '../run/queries';
import { errorMessage } from '../api/client';
import { displayName } from './blocks';
import type { BuilderRun } from './useBuilderRun';

const timeOf = (iso: string | null | undefined) => (iso ? Date.parse(iso) : Number.NaN);

/** The strip over the canvas while a run is shown: status, time, outputs, stop / run again, run page. */
export function RunStatusBar({
  run,
  graphId,
  versionNote,
  stopping,
  onStop,
  onRunAgain,
  onClose,
}: {
  run: BuilderRun;
  graphId: string;
  /** Set when the run used another version than the one on the canvas. */
  versionNote: string | undefined;
  stopping: boolean;
  onStop: () => void;
  onRunAgain: (() => void) | undefined;
  onClose: () => void;
}) {
  const status = run.state.status ?? run.details?.status ?? 'QUEUED';
  const finished = isFinalStatus(status);
  const now = useNow(!finished);
  const start = timeOf(run.state.startedAt ?? run.details?.started_at);
  const end = timeOf(run.state.endedAt ?? run.details?.ended_at);
  const seconds = Number.isNaN(start) ? undefined : ((Number.isNaN(end) ? now : end) - start) / 1000;
  const outputs = Object.entries(run.state.outputs);
  const error = run.state.error ?? run.details?.stats?.error ?? undefined;
  return (
    <div
      data-testid="run-status"
      data-status={status}
      className="pointer-events-auto flex max-w-[min(100%,56rem)] flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border border-slate-200 bg-white/95 px-3 py-2 text-sm shadow-lg backdrop-blur dark:border-slate-700 dark:bg-slate-900/95"
    >
      <span className="font-medium">Run</span>
      <StatusBadge status={status} />
      <span className="font-mono text-xs text-slate-500" title="Elapsed time">
        {formatDuration(seconds !== undefined ? Math.max(0, seconds) : undefined)}
      </span>
      {outputs.length > 0 && (
        <span className="flex min-w-0 flex-wrap gap-2 text-xs" data-testid="run-outputs">
          {outputs.slice(0, 3).map(([name, values]) => (
            <span key={name} className="max-w-56 truncate">
              <span className="text-slate-500">{name}:</span>{' '}
              <span className="font-mono">{previewValue(values.at(-1), 60)}</span>
            </span>
          ))}
        </span>
      )}
      {error && (
        <span className="max-w-72 truncate text-xs text-red-600 dark:text-red-400" title={error}>
          {error}
        </span>
      )}
      {versionNote && <span className="text-xs text-amber-700 dark:text-amber-400">{versionNote}</span>}
      {run.error !== null && run.error !== undefined && (
        <span className="text-xs text-red-600 dark:text-red-400">{errorMessage(run.error)}</span>
      )}
      <span className="ml-auto flex items-center gap-2">
        <Link
          to={`/runs/${graphId}/${run.execId}`}
          className="text-xs text-indigo-600 hover:underline dark:text-indigo-400"
        >
          Open run page
        </Link>
        {!finished && (
          <Button
            size="sm"
            variant="danger"
            data-testid="run-status-stop"
            aria-label="Stop run"
            title="Stop the run"
            disabled={stopping}
            onClick={onStop}
          >
            {stopping ? 'Stopping…' : '■ Stop'}
          </Button>
        )}
        {finished && onRunAgain && (
          <Button
            size="sm"
            data-testid="run-again-button"
            title="Run again with the same inputs"
            onClick={onRunAgain}
          >
            ↻ Run again
          </Button>
        )}
        <button
          type="button"
          aria-label="Hide the run"
          title="Hide the run from the canvas"
          className="rounded px-1 text-slate-400 hover:bg-slate-100 hover:text-slate-700 dark:hover:bg-slate-800"
          onClick={onClose}
        >
          ✕
        </button>
      </span>
    </div>
  );
}

/** The right panel: every execution of one node in the shown run, in full. */
export function Inspector({
  node,
  block,
  run,
  onClose,
}: {
  node: EditorNode;
  block: BlockLike | undefined;
  run: BuilderRun;
  onClose: () => void;
}) {
  const ids = run.state.nodeExecs[node.id] ?? [];
  const executions = ids.flatMap((id) => run.executions[id] ?? []);
  const title = block ? displayName(block.name) : node.blockId;
  const name = typeof node.inputs.name === 'string' && node.inputs.name !== '' ? node.inputs.name : undefined;
  return (
    <aside
      data-testid="inspector"
      aria-label={`Run details of ${title}`}
      className="flex w-96 shrink-0 flex-col border-l border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex items-center gap-2 border-b border-slate-200 px-3 py-2 dark:border-slate-800">
        <div className="min-w-0 flex-1">
          <h2 className="truncate text-sm font-semibold">{title}</h2>
          <p className="truncate text-xs text-slate-500">
            {name ? `${name} · ` : ''}
            {executions.length === 1 ? '1 execution' : `${executions.length} executions`} in this run
          </p>
        </div>
        <button
          type="button"
          aria-label="Close the run details"
          className="rounded px-1.5 text-slate-500 hover:bg-slate-100 dark:hover:bg-slate-800"
          onClick={onClose}
        >
          ✕
        </button>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto p-3">
        {run.loading && executions.length === 0 ? (
          <Spinner label="Loading the run" />
        ) : run.error && executions.length === 0 ? (
          <ErrorNote error={errorMessage(run.error)} />
        ) : executions.length === 0 ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">
            This node has not run in this run{isFinalStatus(run.state.status) ? '' : ' yet'}.
          </p>
        ) : (
          <ol className="flex flex-col gap-4">
            {executions.map((execution, index) => (
              <li key={execution.node_exec_id} className="flex flex-col gap-2">
                {executions.length > 1 && (
                  <h3 className="text-xs font-semibold text-slate-500 uppercase">
                    Execution {index + 1} of {executions.length}
                  </h3>
                )}
                <NodeExecutionDetails execution={execution} />
              </li>
            ))}
          </ol>
        )}
      </div>
    </aside>
  );
}
