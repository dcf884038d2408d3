import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, errorMessage, unwrap } from '../api/client';
import { Button, Dialog, ErrorNote, Spinner, TextArea, cx, formatTime } from '../components/ui';
import { Popover } from './Popover';

/** One issue as the toolbar lists it: where (a node's label, or the graph) and what. */
export interface IssueItem {
  key: string;
  nodeId: string | null;
  where: string;
  message: string;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = isMac ? '⌘' : 'Ctrl';

const shortcuts: readonly [string, string][] = [
  [`${MOD}+S`, 'Save'],
  [`${MOD}+Z`, 'Undo'],
  [`${MOD}+Shift+Z / ${MOD}+Y`, 'Redo'],
  [`${MOD}+C`, 'Copy the selected nodes'],
  [`${MOD}+V`, 'Paste'],
  [`${MOD}+D`, 'Duplicate the selected nodes'],
  ['Delete / Backspace', 'Delete the selected nodes and links'],
  ['Escape', 'Clear the selection'],
  ['Shift+drag', 'Select several nodes'],
  [`${MOD}+click`, 'Add a node to the selection'],
  ['Enter (block list)', 'Add the block'],
];

const iconButton =
  'inline-flex h-8 min-w-8 items-center justify-center rounded-md px-2 text-sm text-slate-700 hover:bg-slate-200 disabled:cursor-not-allowed disabled:opacity-40 dark:text-slate-200 dark:hover:bg-slate-800';

function ShortcutsButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className={iconButton}
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts"
        data-testid="shortcuts-button"
        onClick={() => setOpen(true)}
      >
        ?
      </button>
      <Dialog open={open} title="Keyboard shortcuts" onClose={() => setOpen(false)}>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
          {shortcuts.map(([keys, action]) => (
            <div key={keys} className="contents">
              <dt>
                <kbd className="rounded border border-slate-300 bg-slate-100 px-1.5 py-0.5 font-mono text-xs dark:border-slate-600 dark:bg-slate-800">
                  {keys}
                </kbd>
              </dt>
              <dd>{action}</dd>
            </div>
          ))}
        </dl>
      </Dialog>
    </>
  );
}

function IssuesButton({
  issues,
  open,
  onOpenChange,
  onFocusNode,
}: {
  issues: readonly IssueItem[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onFocusNode: (nodeId: string) => void;
}) {
  const count = issues.length;
  return (
    <Popover
      label={count === 0 ? 'No issues' : `${count} ${count === 1 ? 'issue' : 'issues'}`}
      open={open}
      onOpenChange={onOpenChange}
      align="right"
      buttonProps={{ 'data-testid': 'issues-button' }}
      buttonClassName={cx(
        iconButton,
        'gap-1',
        count > 0 && 'text-red-700 hover:bg-red-50 dark:text-red-300 dark:hover:bg-red-950',
      )}
      button={
        <>
          <span aria-hidden>{count > 0 ? '⚠' : '✓'}</span>
          <span
            data-testid="issues-count"
            className={cx(
              'rounded-full px-1.5 text-xs font-semibold',
              count > 0
                ? 'bg-red-600 text-white'
                : 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900 dark:text-emerald-200',
            )}
          >
            {count}
          </span>
        </>
      }
    >
      {(close) => (
        <div data-testid="issues-panel" className="flex max-h-80 w-80 flex-col gap-1 overflow-y-auto">
          <h3 className="px-1 text-xs font-semibold text-slate-500 uppercase">Issues</h3>
          {count === 0 ? (
            <p className="px-1 py-2 text-sm text-slate-500">No issues: the agent can run.</p>
          ) : (
            <ul className="flex flex-col">
              {issues.map((issue) => (
                <li key={issue.key}>
                  {issue.nodeId ? (
                    <button
                      type="button"
                      className="w-full rounded px-1 py-1 text-left hover:bg-slate-100 dark:hover:bg-slate-800"
                      onClick={() => {
                        if (issue.nodeId) onFocusNode(issue.nodeId);
                        close();
                      }}
                    >
                      <span className="block text-xs font-medium text-slate-500">{issue.where}</span>
                      <span className="text-sm text-red-700 dark:text-red-300">{issue.message}</span>
                    </button>
                  ) : (
                    <p className="px-1 py-1">
                      <span className="block text-xs font-medium text-slate-500">{issue.where}</span>
                      <span className="text-sm text-red-700 dark:text-red-300">{issue.message}</span>
                    </p>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </Popover>
  );
}

function VersionsList({
  graphId,
  currentVersion,
  onOpen,
  close,
}: {
  graphId: string;
  currentVersion: number | undefined;
  onOpen: (version: number) => void;
  close: () => void;
}) {
  const queryClient = useQueryClient();
  const versions = useQuery({
    queryKey: ['graph', graphId, 'versions'],
    queryFn: () => unwrap(api.GET('/api/graphs/{id}/versions', { params: { path: { id: graphId } } })),
  });
  const activate = useMutation({
    mutationFn: (version: number) =>
      unwrap(
        api.PUT('/api/graphs/{id}/versions/active', {
          params: { path: { id: graphId } },
          body: { active_graph_version: version },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['graph', graphId] });
      void queryClient.invalidateQueries({ queryKey: ['graphs'] });
    },
  });
  if (versions.isLoading) return <Spinner label="Loading versions" />;
  if (versions.error)
    return <ErrorNote error={errorMessage(versions.error)} onRetry={() => void versions.refetch()} />;
  const list = [...(versions.data ?? [])].sort((a, b) => b.version - a.version);
  return (
    <div className="flex max-h-80 w-80 flex-col gap-1 overflow-y-auto" data-testid="versions-panel">
      <h3 className="px-1 text-xs font-semibold text-slate-500 uppercase">Versions</h3>
      {activate.error && <ErrorNote error={errorMessage(activate.error)} />}
      <ul className="flex flex-col">
        {list.map((graph) => (
          <li
            key={graph.version}
            data-testid="version-item"
            data-version={graph.version}
            className={cx(
              'flex items-center gap-2 rounded px-1 py-1',
              graph.version === currentVersion && 'bg-indigo-50 dark:bg-indigo-950/60',
            )}
          >
            <button
              type="button"
              className="min-w-0 flex-1 text-left"
              aria-label={`Open version ${graph.version}`}
              onClick={() => {
                close();
                onOpen(graph.version);
              }}
            >
              <span className="font-medium">v{graph.version}</span>
              {graph.is_active && (
                <span className="ml-2 rounded bg-emerald-100 px-1 text-[10px] font-semibold text-emerald-800 uppercase dark:bg-emerald-900 dark:text-emerald-200">
                  active
                </span>
              )}
              {graph.version === currentVersion && (
                <span className="ml-2 text-xs text-slate-500">(open)</span>
              )}
              <span className="block text-xs text-slate-500">{formatTime(graph.created_at)}</span>
            </button>
            {!graph.is_active && (
              <Button
                size="sm"
                variant="ghost"
                disabled={activate.isPending}
                aria-label={`Make version ${graph.version} active`}
                onClick={() => activate.mutate(graph.version)}
              >
                Make active
              </Button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

export interface ToolbarProps {
  name: string;
  description: string;
  onName: (name: string) => void;
  onDescription: (description: string) => void;
  onEditEnd: () => void;
  graphId: string | undefined;
  version: number | undefined;
  dirty: boolean;
  saving: boolean;
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onSave: () => void;
  onOpenVersion: (version: number) => void;
  issues: readonly IssueItem[];
  issuesOpen: boolean;
  onIssuesOpen: (open: boolean) => void;
  onFocusNode: (nodeId: string) => void;
  running: boolean;
  runBusy: boolean;
  onRun: () => void;
  onStop: () => void;
  paletteHidden: boolean;
  onShowPalette: () => void;
}

/** The builder's top bar: name, description, state, history, versions, issues, save and run. */
export function Toolbar(props: ToolbarProps) {
  const { dirty, saving, graphId, version } = props;
  return (
    <div className="flex shrink-0 items-center gap-1.5 border-b border-slate-200 bg-white px-2 py-1.5 dark:border-slate-800 dark:bg-slate-900">
      {props.paletteHidden && (
        <button
          type="button"
          className={iconButton}
          aria-label="Show the block list"
          title="Show the block list"
          onClick={props.onShowPalette}
        >
          » Blocks
        </button>
      )}
      <input
        aria-label="Agent name"
        data-testid="agent-name"
        className="w-56 min-w-0 rounded-md border border-transparent bg-transparent px-2 py-1 text-sm font-semibold hover:border-slate-300 focus:border-indigo-500 dark:hover:border-slate-600"
        value={props.name}
        placeholder="Agent name"
        onChange={(event) => props.onName(event.target.value)}
        onBlur={props.onEditEnd}
      />
      <Popover
        label="Agent description"
        buttonClassName={cx(iconButton, 'text-xs')}
        button={props.description ? 'Description ✎' : '+ Description'}
      >
        {() => (
          <div className="flex w-80 flex-col gap-1">
            <label
              htmlFor="builder-agent-description"
              className="text-xs font-medium text-slate-600 dark:text-slate-300"
            >
              Description
            </label>
            <TextArea
              id="builder-agent-description"
              className="font-sans text-sm"
              rows={5}
              autoFocus
              value={props.description}
              placeholder="What this agent does"
              onChange={(event) => props.onDescription(event.target.value)}
              onBlur={props.onEditEnd}
            />
          </div>
        )}
      </Popover>
      <span
        data-testid="save-state"
        data-dirty={dirty}
        className={cx(
          'ml-1 hidden text-xs whitespace-nowrap md:inline',
          dirty ? 'text-amber-700 dark:text-amber-400' : 'text-slate-500',
        )}
      >
        {saving
          ? 'Saving…'
          : dirty
            ? '● Unsaved changes'
            : graphId
              ? `Saved · v${version ?? '?'}`
              : 'New agent'}
      </span>

      <div className="ml-auto flex items-center gap-1">
        <button
          type="button"
          className={iconButton}
          aria-label="Undo"
          title={`Undo (${MOD}+Z)`}
          data-testid="undo-button"
          disabled={!props.canUndo}
          onClick={props.onUndo}
        >
          ↶
        </button>
        <button
          type="button"
          className={iconButton}
          aria-label="Redo"
          title={`Redo (${MOD}+Shift+Z)`}
          data-testid="redo-button"
          disabled={!props.canRedo}
          onClick={props.onRedo}
        >
          ↷
        </button>
        <IssuesButton
          issues={props.issues}
          open={props.issuesOpen}
          onOpenChange={props.onIssuesOpen}
          onFocusNode={props.onFocusNode}
        />
        {graphId && (
          <Popover
            label="Versions"
            align="right"
            buttonClassName={cx(iconButton, 'text-xs')}
            buttonProps={{ 'data-testid': 'versions-button' }}
            button={`v${version ?? '?'} ▾`}
          >
            {(close) => (
              <VersionsList
                graphId={graphId}
                currentVersion={version}
                onOpen={props.onOpenVersion}
                close={close}
              />
            )}
          </Popover>
        )}
        <ShortcutsButton />
        <Button
          size="sm"
          data-testid="save-button"
          aria-label="Save"
          title={`Save (${MOD}+S)`}
          disabled={saving}
          onClick={props.onSave}
        >
          {saving ? 'Saving…' : 'Save'}
        </Button>
        {props.running ? (
          <Button
            size="sm"
            variant="danger"
            data-testid="stop-button"
            aria-label="Stop run"
            title="Stop the run"
            onClick={props.onStop}
          >
            ■ Stop
          </Button>
        ) : (
          <Button
            size="sm"
            variant="primary"
            data-testid="run-button"
            aria-label="Run"
            title="Save and run the agent"
            disabled={props.runBusy}
            onClick={props.onRun}
          >
            {props.runBusy ? 'Starting…' : '▶ Run'}
          </Button>
        )}
      </div>
    </div>
  );
}
