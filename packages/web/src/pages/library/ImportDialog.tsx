import { useMutation, useQuery, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { useId } from 'react';
import { Link } from 'react-router';
import { api, ApiError, errorMessage, unwrap, type Schemas } from '../../api/client';
import { Button, Dialog, ErrorNote, Spinner, cx } from '../../components/ui';
import { builderPath, importAgent } from './agents';
import { groupImportIssues, type ImportIssueGroup } from './import-issues';

type JsonObject = Record<string, unknown>;
type ImportedGraph = Schemas['Graph'];

/** The file cannot be an agent: unreadable, not JSON, or not a JSON object. */
class ImportFileError extends Error {}

/** The server refused the agent (400 invalid, 422 malformed); the uploaded JSON names the nodes. */
class ImportRefused extends Error {
  constructor(
    readonly error: ApiError,
    readonly graph: JsonObject,
    readonly fileName: string,
  ) {
    super(error.message);
  }
}

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

async function readAgentFile(file: File): Promise<JsonObject> {
  let text: string;
  try {
    text = await file.text();
  } catch {
    throw new ImportFileError(`“${file.name}” could not be read.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ImportFileError(`“${file.name}” is not a JSON file, so it cannot be an agent.`);
  }
  if (!isObject(value))
    throw new ImportFileError(
      `“${file.name}” is JSON but not an agent: an agent is a JSON object with nodes.`,
    );
  return value;
}

export type AgentImport = UseMutationResult<ImportedGraph, Error, File>;

/** Reads an agent file and imports it (`POST /api/graphs`, source `upload`). */
export function useImportAgent(): AgentImport {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) => {
      const graph = await readAgentFile(file);
      try {
        return await importAgent(graph);
      } catch (error) {
        if (error instanceof ApiError && (error.status === 400 || error.status === 422))
          throw new ImportRefused(error, graph, file.name);
        throw error;
      }
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['graphs'] }),
  });
}

function useBlockNames() {
  return useQuery({
    queryKey: ['blocks'],
    queryFn: () => unwrap(api.GET('/api/blocks')),
    staleTime: Infinity,
    select: (blocks) => new Map(blocks.map((block) => [block.id, block.name])),
  });
}

function IssueGroups({ groups }: { groups: ImportIssueGroup[] }) {
  return (
    <ul className="flex flex-col gap-2">
      {groups.map((group) => (
        <li
          key={group.key}
          data-node-id={group.nodeId ?? undefined}
          className="rounded-md border border-slate-200 p-2 dark:border-slate-700"
        >
          <p className="text-sm font-medium">{group.label}</p>
          {(group.nodeId || group.blockId) && (
            <p className="font-mono text-xs break-all text-slate-500 dark:text-slate-400">
              {group.nodeId && <>node {group.nodeId}</>}
              {group.nodeId && group.blockId && ' · '}
              {group.blockId && <>block {group.blockId}</>}
            </p>
          )}
          <ul className="mt-1 list-disc pl-5 text-sm text-red-700 dark:text-red-300">
            {group.issues.map((issue, index) => (
              <li key={index}>
                {issue.field && <span className="font-mono text-xs">{issue.field}: </span>}
                {issue.message}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

function Refused({ refused }: { refused: ImportRefused }) {
  const blockNames = useBlockNames();
  if (blockNames.isPending) return <Spinner label="Reading the issues" />;
  const groups = groupImportIssues(refused.error.detail, refused.graph, blockNames.data ?? new Map());
  const count = groups?.reduce((sum, group) => sum + group.issues.length, 0) ?? 0;
  return (
    <div data-testid="import-issues" role="alert" className="flex flex-col gap-2">
      <p className="text-sm font-medium text-red-700 dark:text-red-300">
        {groups
          ? `“${refused.fileName}” cannot be imported: ${count} ${count === 1 ? 'problem' : 'problems'} to fix.`
          : `“${refused.fileName}” cannot be imported: ${errorMessage(refused.error)}`}
      </p>
      {groups && <IssueGroups groups={groups} />}
    </div>
  );
}

function Outcome({ importer, onClose }: { importer: AgentImport; onClose: () => void }) {
  if (importer.isPending)
    return <Spinner label={importer.variables ? `Importing “${importer.variables.name}”` : 'Importing'} />;
  if (importer.isError) {
    const { error } = importer;
    if (error instanceof ImportRefused) return <Refused refused={error} />;
    return <ErrorNote error={error instanceof ImportFileError ? error.message : errorMessage(error)} />;
  }
  if (importer.isSuccess)
    return (
      <div
        role="status"
        data-testid="import-success"
        className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100"
      >
        <span>
          Imported <strong>{importer.data.name}</strong>.
        </span>
        <Link
          to={builderPath(importer.data.id)}
          onClick={onClose}
          data-testid="import-open"
          className="rounded-md bg-indigo-600 px-3 py-1.5 font-medium text-white hover:bg-indigo-500"
        >
          Open in builder
        </Link>
      </div>
    );
  return null;
}

/**
 * Imports an agent file: a drop zone (the whole library page accepts the drop, see Library) and a file picker.
 * The outcome is the imported agent with a link to the builder, or why the server refused it, per node.
 */
export function ImportDialog({
  open,
  onClose,
  importer,
  dragging,
}: {
  open: boolean;
  onClose: () => void;
  importer: AgentImport;
  /** A file is being dragged over the page. */
  dragging: boolean;
}) {
  const inputId = useId();
  const hintId = useId();
  return (
    <Dialog open={open} title="Import agent" onClose={onClose} wide>
      <div className="flex flex-col gap-4">
        <div
          data-testid="import-drop-zone"
          className={cx(
            'flex flex-col items-center gap-3 rounded-lg border-2 border-dashed p-6 text-center',
            dragging
              ? 'border-indigo-500 bg-indigo-50 dark:bg-indigo-950'
              : 'border-slate-300 dark:border-slate-600',
          )}
        >
          <p id={hintId} className="text-sm text-slate-600 dark:text-slate-300">
            Drop an agent file (.json) exported from Blockloom or AutoGPT here, or choose one.
          </p>
          <label htmlFor={inputId} className="text-sm font-medium">
            Agent file
          </label>
          <input
            id={inputId}
            type="file"
            accept=".json,application/json"
            aria-describedby={hintId}
            data-testid="import-file-input"
            disabled={importer.isPending}
            onChange={(event) => {
              const file = event.target.files?.[0];
              // Cleared so that choosing the same file again (after fixing it) imports it again.
              event.target.value = '';
              if (file) importer.mutate(file);
            }}
            className="max-w-full text-sm text-slate-600 file:mr-3 file:cursor-pointer file:rounded-md file:border-0 file:bg-indigo-600 file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-white hover:file:bg-indigo-500 dark:text-slate-300"
          />
        </div>
        <Outcome importer={importer} onClose={onClose} />
        <div className="flex justify-end">
          <Button onClick={onClose}>Close</Button>
        </div>
      </div>
    </Dialog>
  );
}
