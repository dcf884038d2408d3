import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Button, EmptyState, ErrorNote, Field, PageHeader, Select, Spinner } from '../components/ui';
import { DeleteRunDialog } from '../run/DeleteRunDialog';
import { useGraph, useGraphList } from '../run/queries';
import { RunDialog } from '../run/RunDialog';
import { describeApiError } from '../run/run-inputs';
import { runPath, runStatuses, type RunMeta } from '../run/run-model';
import { useAllRuns, useGraphRuns, useLiveGraphRuns } from '../run/runs-data';
import { RunsTable } from '../run/RunsTable';

/** `/runs` (all of the user's runs) and `/runs?graphID=` (one agent's, by page, live). */

const PAGE_SIZES = [10, 25, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 25;
/** `GET /api/executions` lists at most this many runs. */
const ALL_RUNS_LIMIT = 250;

function positiveInt(text: string | null, fallback: number): number {
  const value = Number(text);
  return Number.isInteger(value) && value >= 1 ? value : fallback;
}

const linkClass = 'text-indigo-600 hover:underline dark:text-indigo-400';

export default function Runs() {
  const [params, setParams] = useSearchParams();
  const graphId = params.get('graphID') ?? undefined;
  const status = params.get('status') ?? '';
  const page = positiveInt(params.get('page'), 1);
  const sizeParam = positiveInt(params.get('page_size'), DEFAULT_PAGE_SIZE);
  const pageSize = PAGE_SIZES.find((size) => size === sizeParam) ?? DEFAULT_PAGE_SIZE;
  const [deleting, setDeleting] = useState<RunMeta | null>(null);
  const [running, setRunning] = useState(false);
  const navigate = useNavigate();

  const graphs = useGraphList();
  const allRuns = useAllRuns(graphId === undefined);
  const graphRuns = useGraphRuns(graphId, page, pageSize);
  useLiveGraphRuns(graphId);
  const graph = useGraph(graphId, undefined);

  const agentNames = useMemo(
    () =>
      graphs.data || graphs.isError
        ? new Map((graphs.data ?? []).map((meta) => [meta.id, meta.name]))
        : undefined,
    [graphs.data, graphs.isError],
  );
  const query = graphId === undefined ? allRuns : graphRuns;
  const runs: readonly RunMeta[] = (graphId === undefined ? allRuns.data : graphRuns.data?.executions) ?? [];
  const shown = status === '' ? runs : runs.filter((run) => run.status === status);
  const agentName = graphId === undefined ? undefined : (agentNames?.get(graphId) ?? graph.data?.name);

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === '') next.delete(key);
      else next.set(key, value);
    }
    setParams(next, { replace: true });
  };

  return (
    <div className="flex flex-col gap-4">
      <PageHeader title={graphId === undefined ? 'Runs' : `Runs of ${agentName ?? 'agent'}`}>
        {graphId !== undefined && (
          <>
            <Link to="/runs" className={`${linkClass} text-sm`}>
              All runs
            </Link>
            <Button
              variant="primary"
              disabled={!graph.data}
              onClick={() => setRunning(true)}
              data-testid="runs-new-run"
            >
              New run
            </Button>
          </>
        )}
      </PageHeader>
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-48">
          <Field label="Status">
            {(id) => (
              <Select id={id} value={status} onChange={(event) => update({ status: event.target.value })}>
                <option value="">All statuses</option>
                {runStatuses.map((value) => (
                  <option key={value} value={value}>
                    {value.charAt(0) + value.slice(1).toLowerCase()}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </div>
        {query.isFetching && !query.isLoading && (
          <span className="pb-2 text-xs text-slate-500 dark:text-slate-400" role="status">
            Updating…
          </span>
        )}
      </div>
      {query.isLoading ? (
        <Spinner label="Loading runs" />
      ) : query.error ? (
        <ErrorNote error={describeApiError(query.error)} onRetry={() => void query.refetch()} />
      ) : runs.length === 0 && (graphRuns.data?.pagination.total_items ?? 0) > 0 ? (
        <EmptyState title="No runs on this page">
          <Button size="sm" onClick={() => update({ page: null })}>
            Go to the first page
          </Button>
        </EmptyState>
      ) : runs.length === 0 ? (
        <EmptyState title={graphId === undefined ? 'No runs yet' : 'This agent has not run yet'}>
          Open an agent from your{' '}
          <Link to="/library" className={linkClass}>
            library
          </Link>{' '}
          and run it: its runs appear here.
        </EmptyState>
      ) : shown.length === 0 ? (
        <EmptyState title={`No ${status.toLowerCase()} runs${graphId === undefined ? '' : ' on this page'}`}>
          <Button size="sm" onClick={() => update({ status: null })}>
            Show all statuses
          </Button>
        </EmptyState>
      ) : (
        <RunsTable runs={shown} agentNames={agentNames} onDelete={setDeleting} />
      )}
      {graphId === undefined && runs.length >= ALL_RUNS_LIMIT && (
        <p className="text-xs text-slate-500 dark:text-slate-400">
          Showing your latest {ALL_RUNS_LIMIT} runs. Open an agent&apos;s runs to page through all of them.
        </p>
      )}
      {graphId !== undefined && graphRuns.data && graphRuns.data.pagination.total_items > 0 && (
        <Pagination
          page={graphRuns.data.pagination.current_page}
          pages={graphRuns.data.pagination.total_pages}
          total={graphRuns.data.pagination.total_items}
          pageSize={pageSize}
          onPage={(next) => update({ page: next === 1 ? null : String(next) })}
          onPageSize={(size) => update({ page_size: String(size), page: null })}
        />
      )}
      <DeleteRunDialog
        run={deleting}
        agentName={deleting ? agentNames?.get(deleting.graph_id) : undefined}
        onClose={() => setDeleting(null)}
      />
      {graph.data && (
        <RunDialog
          graph={graph.data}
          open={running}
          onClose={() => setRunning(false)}
          onStarted={(run) => void navigate(runPath(run))}
        />
      )}
    </div>
  );
}

function Pagination({
  page,
  pages,
  total,
  pageSize,
  onPage,
  onPageSize,
}: {
  page: number;
  pages: number;
  total: number;
  pageSize: number;
  onPage(page: number): void;
  onPageSize(size: number): void;
}) {
  return (
    <nav aria-label="Pages of runs" className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <span className="text-slate-600 dark:text-slate-300" data-testid="runs-page-info">
        Page {page} of {Math.max(pages, 1)} · {total} {total === 1 ? 'run' : 'runs'}
      </span>
      <div className="flex items-center gap-2">
        <label className="flex items-center gap-2 whitespace-nowrap text-slate-600 dark:text-slate-300">
          Runs per page
          <Select
            className="w-20"
            value={String(pageSize)}
            onChange={(event) => onPageSize(Number(event.target.value))}
          >
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </Select>
        </label>
        {pages > 1 && (
          <>
            <Button size="sm" disabled={page <= 1} onClick={() => onPage(page - 1)}>
              Previous
            </Button>
            <Button size="sm" disabled={page >= pages} onClick={() => onPage(page + 1)}>
              Next
            </Button>
          </>
        )}
      </div>
    </nav>
  );
}
