import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, errorMessage, unwrap } from '../api/client';
import {
  Button,
  DataTable,
  EmptyState,
  ErrorNote,
  formatTime,
  Input,
  PageHeader,
  Spinner,
  StatusBadge,
} from '../components/ui';
import { DeleteDialog, RenameDialog } from './library/AgentDialogs';
import {
  EXECUTIONS_LIST_LIMIT,
  builderPath,
  createEmptyAgent,
  duplicateAgent,
  exportAgent,
  matchesSearch,
  runsPath,
  summariseRuns,
  type GraphMeta,
  type RunSummary,
} from './library/agents';
import { ImportDialog, useImportAgent } from './library/ImportDialog';

const linkButton =
  'inline-flex items-center rounded-md px-2 py-1 text-xs font-medium whitespace-nowrap transition-colors';

/** True while files (not text or links) are dragged over the window; a drop imports the first file. */
function useFileDrop(onFile: (file: File) => void): boolean {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    let depth = 0;
    const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth += 1;
      setDragging(true);
    };
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const over = (event: DragEvent) => {
      if (!carriesFiles(event) || !event.dataTransfer) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    };
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      const file = event.dataTransfer?.files[0];
      if (file) onFile(file);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [onFile]);
  return dragging;
}

/** The newest run of an agent; `undefined` while the runs load (or when they failed to). */
function LastRun({ runs }: { runs: RunSummary | null | undefined }) {
  if (runs === undefined) return <span className="text-slate-400 dark:text-slate-500">—</span>;
  if (runs === null) return <span className="text-slate-400 dark:text-slate-500">Never run</span>;
  const { last } = runs;
  return (
    <div className="flex flex-col items-start gap-0.5">
      <StatusBadge status={last.status} />
      <span className="text-xs text-slate-500 dark:text-slate-400">
        {formatTime(last.started_at ?? last.ended_at)}
      </span>
    </div>
  );
}

function AgentRow({
  agent,
  runs,
  capped,
  busy,
  onRename,
  onDuplicate,
  onExport,
  onDelete,
}: {
  agent: GraphMeta;
  runs: RunSummary | null | undefined;
  capped: boolean;
  busy: boolean;
  onRename: () => void;
  onDuplicate: () => void;
  onExport: () => void;
  onDelete: () => void;
}) {
  const countLabel = runs === undefined ? '—' : `${runs?.count ?? 0}${capped ? '+' : ''}`;
  return (
    <tr data-testid="agent-row" data-graph-id={agent.id} className="align-top">
      <td className="py-2.5 pr-3 pl-3 break-words">
        <Link
          to={builderPath(agent.id)}
          className="font-medium text-slate-900 hover:text-indigo-600 hover:underline dark:text-slate-100 dark:hover:text-indigo-400"
        >
          {agent.name}
        </Link>
        {agent.description && (
          <p className="line-clamp-2 text-xs text-slate-500 dark:text-slate-400" title={agent.description}>
            {agent.description}
          </p>
        )}
      </td>
      <td className="px-3 py-2.5 text-slate-600 tabular-nums dark:text-slate-300">v{agent.version}</td>
      <td className="px-3 py-2.5">
        <LastRun runs={runs} />
      </td>
      <td
        className="px-3 py-2.5 text-right tabular-nums"
        title={capped ? `Among the ${EXECUTIONS_LIST_LIMIT} most recent runs` : undefined}
      >
        {countLabel}
      </td>
      <td className="hidden px-3 py-2.5 text-xs text-slate-500 lg:table-cell dark:text-slate-400">
        {formatTime(agent.created_at)}
      </td>
      <td className="py-2 pr-3 pl-3">
        <div className="flex justify-end gap-1">
          <Link
            to={builderPath(agent.id)}
            aria-label={`Open ${agent.name} in the builder`}
            data-testid="agent-open"
            className={`${linkButton} bg-indigo-600 text-white hover:bg-indigo-500`}
          >
            Open
          </Link>
          <Link
            to={runsPath(agent.id)}
            aria-label={`Runs of ${agent.name}`}
            data-testid="agent-runs"
            className={`${linkButton} border border-slate-300 bg-white text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700`}
          >
            Runs
          </Link>
          <Button size="sm" variant="ghost" aria-label={`Rename ${agent.name}`} onClick={onRename}>
            Rename
          </Button>
          <Button
            size="sm"
            variant="ghost"
            aria-label={`Duplicate ${agent.name}`}
            disabled={busy}
            onClick={onDuplicate}
          >
            Duplicate
          </Button>
          <Button
            size="sm"
            variant="ghost"
            aria-label={`Export ${agent.name}`}
            disabled={busy}
            onClick={onExport}
          >
            Export
          </Button>
          <Button
            size="sm"
            variant="ghost"
            aria-label={`Delete ${agent.name}`}
            className="text-red-700 hover:bg-red-50 dark:text-red-400 dark:hover:bg-red-950"
            onClick={onDelete}
          >
            Delete
          </Button>
        </div>
      </td>
    </tr>
  );
}

type AgentAction = { kind: 'duplicate' | 'export'; agent: GraphMeta };

/** The user's agents: search, open, runs, rename, duplicate, export, delete; new agent and import. */
export default function Library() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const graphs = useQuery({ queryKey: ['graphs'], queryFn: () => unwrap(api.GET('/api/graphs')) });
  const executions = useQuery({
    queryKey: ['executions'],
    queryFn: () => unwrap(api.GET('/api/executions')),
  });
  const [search, setSearch] = useState('');
  const [renaming, setRenaming] = useState<GraphMeta | null>(null);
  const [deleting, setDeleting] = useState<GraphMeta | null>(null);
  const [importOpen, setImportOpen] = useState(false);
  const importer = useImportAgent();
  const { mutate: importFile, reset: resetImport } = importer;

  const onDroppedFile = useCallback(
    (file: File) => {
      setImportOpen(true);
      importFile(file);
    },
    [importFile],
  );
  const dragging = useFileDrop(onDroppedFile);

  const create = useMutation({
    mutationFn: createEmptyAgent,
    onSuccess: async (graph) => {
      await queryClient.invalidateQueries({ queryKey: ['graphs'] });
      await navigate(builderPath(graph.id));
    },
  });

  const action = useMutation({
    mutationFn: async ({ kind, agent }: AgentAction): Promise<void> => {
      if (kind === 'duplicate') await duplicateAgent(agent.id, agent.name);
      else await exportAgent(agent.id, agent.name);
    },
    onSuccess: (_result, { kind }) =>
      kind === 'duplicate' ? queryClient.invalidateQueries({ queryKey: ['graphs'] }) : undefined,
  });

  const runsByGraph = useMemo(() => summariseRuns(executions.data ?? []), [executions.data]);
  const capped = (executions.data?.length ?? 0) >= EXECUTIONS_LIST_LIMIT;
  const shown = useMemo(
    () => (graphs.data ?? []).filter((graph) => matchesSearch(graph, search)),
    [graphs.data, search],
  );

  const closeImport = () => {
    setImportOpen(false);
    resetImport();
  };

  let body;
  if (graphs.isPending) body = <Spinner label="Loading your agents" />;
  else if (graphs.isError)
    body = <ErrorNote error={errorMessage(graphs.error)} onRetry={() => void graphs.refetch()} />;
  else if (graphs.data.length === 0)
    body = (
      <EmptyState title="No agents yet">
        Create a new agent in the builder, or import one exported from Blockloom or AutoGPT: choose “Import
        agent” or drop its .json file on this page.
      </EmptyState>
    );
  else if (shown.length === 0)
    body = <EmptyState title={`No agent matches “${search.trim()}”`}>Try other words.</EmptyState>;
  else
    body = (
      <DataTable
        caption="Your agents"
        columns={[
          { label: 'Agent' },
          { label: 'Version', className: 'w-20' },
          { label: 'Last run', className: 'w-44' },
          { label: 'Runs', className: 'w-16 text-right' },
          { label: 'Updated', className: 'hidden w-44 lg:table-cell' },
          { label: 'Actions', className: 'w-px text-right', srOnly: true },
        ]}
      >
        {shown.map((agent) => (
          <AgentRow
            key={agent.id}
            agent={agent}
            runs={executions.isSuccess ? (runsByGraph.get(agent.id) ?? null) : undefined}
            capped={capped}
            busy={action.isPending && action.variables.agent.id === agent.id}
            onRename={() => {
              action.reset();
              setRenaming(agent);
            }}
            onDuplicate={() => action.mutate({ kind: 'duplicate', agent })}
            onExport={() => action.mutate({ kind: 'export', agent })}
            onDelete={() => {
              action.reset();
              setDeleting(agent);
            }}
          />
        ))}
      </DataTable>
    );

  return (
    <div className="flex flex-col gap-4">
      <PageHeader title="Library">
        <Button data-testid="import-agent" onClick={() => setImportOpen(true)}>
          Import agent
        </Button>
        <Button
          variant="primary"
          data-testid="new-agent"
          disabled={create.isPending}
          onClick={() => create.mutate()}
        >
          {create.isPending ? 'Creating…' : 'New agent'}
        </Button>
      </PageHeader>
      {create.isError && <ErrorNote error={`Could not create an agent: ${errorMessage(create.error)}`} />}
      {action.isError && (
        <ErrorNote
          error={`Could not ${action.variables.kind} “${action.variables.agent.name}”: ${errorMessage(action.error)}`}
          onRetry={() => action.mutate(action.variables)}
        />
      )}
      {action.isSuccess && action.variables.kind === 'duplicate' && (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          Created “{action.variables.agent.name} (copy)”.
        </p>
      )}
      {executions.isError && (
        <ErrorNote
          error={`The last runs could not be loaded: ${errorMessage(executions.error)}`}
          onRetry={() => void executions.refetch()}
        />
      )}
      <div className="max-w-sm">
        <Input
          type="search"
          aria-label="Search agents by name or description"
          placeholder="Search agents…"
          data-testid="library-search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
      </div>
      {body}
      <RenameDialog agent={renaming} onClose={() => setRenaming(null)} />
      <DeleteDialog agent={deleting} onClose={() => setDeleting(null)} />
      <ImportDialog open={importOpen} onClose={closeImport} importer={importer} dragging={dragging} />
      {dragging && !importOpen && (
        <div
          aria-hidden
          className="pointer-events-none fixed inset-0 z-50 grid place-items-center bg-indigo-600/10 p-8 backdrop-blur-[1px]"
        >
          <div className="rounded-lg border-2 border-dashed border-indigo-500 bg-white px-8 py-6 text-center text-sm font-medium text-indigo-700 shadow-lg dark:bg-slate-900 dark:text-indigo-300">
            Drop the agent file to import it
          </div>
        </div>
      )}
    </div>
  );
}
