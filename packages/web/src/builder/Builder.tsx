import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  getViewportForBounds,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type FinalConnectionState,
  type IsValidConnection,
  type NodeChange,
  type NodeTypes,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { useBlocker, useSearchParams } from 'react-router';
import { useTheme } from '../app/theme';
import { ApiError, api, errorMessage, unwrap, type Schemas } from '../api/client';
import { Button, Dialog } from '../components/ui';
import { canRedo, canUndo } from '../editor/history';
import { groupIssues, issuesFromNodeErrors, type IssueMap, type ServerIssueLike } from '../editor/issues';
import { isRecord, setOwn } from '../editor/json-schema';
import { autoLayout, needsLayout, nextFreePosition } from '../editor/layout';
import {
  addNode,
  connect,
  copySelection,
  disconnect,
  emptyGraph,
  fromApiGraph,
  moveNodes,
  paste,
  removeNodes,
  setInput,
  staticLinkFor,
  toApiGraph,
  type Clipboard,
  type EditorGraph,
  type EditorNode,
  type Position,
} from '../editor/model';
import { validateConnection } from '../editor/pins';
import { isFinalStatus } from '../editor/run-state';
import type { BlockLike } from '../editor/types';
import { RunDialog } from '../run/RunDialog';
import { useCredentialOptions, useGraphList } from '../run/queries';
import { BlockNode } from './BlockNode';
import { categoryColour, displayName, primaryCategory } from './blocks';
import { CredentialsContext, NodeActionsContext, type NodeActions } from './context';
import { useFlowElements, type BlockFlowNode, type LinkFlowEdge, type Measured } from './flow';
import { newId } from './ids';
import { applyKeyValues } from './key-values';
import { AGENT_DRAG_TYPE, BLOCK_DRAG_TYPE, Palette, type PaletteAgent } from './Palette';
import { Inspector, RunStatusBar } from './RunPanels';
import { EditorStore, isDirty, useEditorState } from './store';
import { Toasts, useToasts } from './Toasts';
import { Toolbar, type IssueItem } from './Toolbar';
import { useBuilderRun } from './useBuilderRun';
import { useGraphIssues } from './useGraphIssues';

type Graph = Schemas['Graph'];
type RunMeta = Schemas['GraphExecutionMeta'];

const nodeTypes: NodeTypes = { block: BlockNode };

const minimapColour = (node: BlockFlowNode) =>
  node.data.block ? categoryColour(primaryCategory(node.data.block)) : '#94a3b8';

/** About a node's size on the canvas: placement of new nodes and the layout of imported graphs. */
const NODE_SIZE = { width: 290, height: 320 };
const PASTE_OFFSET = 40;
const fitViewOptions = { maxZoom: 1, padding: 0.1 };
const MIN_ZOOM = 0.1;

/** Copied nodes stay available across graphs (copy in one agent, paste in another). */
let clipboard: Clipboard | null = null;

function initialGraph(initial: Graph | undefined): EditorGraph {
  if (!initial) return emptyGraph();
  const graph = fromApiGraph(initial);
  return needsLayout(graph) ? autoLayout(graph, { columnWidth: 380, rowHeight: 340 }) : graph;
}

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'range', 'color', 'file'].includes(type);
}

/** The flowID and flowVersion of a location's query: which graph the page shows. */
function graphOf(search: string): string {
  const params = new URLSearchParams(search);
  return `${params.get('flowID') ?? ''}@${params.get('flowVersion') ?? ''}`;
}

/** Issues from the server's refusal of a save or run (`detail.issues` or AutoGPT's `node_errors`). */
function refusalIssues(error: unknown): ServerIssueLike[] {
  if (!(error instanceof ApiError) || !isRecord(error.detail)) return [];
  const { issues, node_errors: nodeErrors } = error.detail;
  if (Array.isArray(issues)) {
    return issues.filter(
      (issue): issue is ServerIssueLike => isRecord(issue) && typeof issue.message === 'string',
    );
  }
  return issuesFromNodeErrors(nodeErrors);
}

function nodeLabel(node: EditorNode | undefined, blocks: ReadonlyMap<string, BlockLike>): string {
  if (!node) return 'A removed node';
  const block = blocks.get(node.blockId);
  const title = block ? displayName(block.name) : 'Missing block';
  return typeof node.inputs.name === 'string' && node.inputs.name !== ''
    ? `${title} “${node.inputs.name}”`
    : title;
}

function issueItems(
  issues: IssueMap,
  graph: EditorGraph,
  blocks: ReadonlyMap<string, BlockLike>,
): IssueItem[] {
  const items: IssueItem[] = issues.general.map((issue, index) => ({
    key: `general-${index}`,
    nodeId: null,
    where: 'Agent',
    message: issue.message,
  }));
  if (issues.byNode.size === 0) return items;
  const nodes = new Map(graph.nodes.map((node) => [node.id, node]));
  for (const [nodeId, list] of issues.byNode) {
    const where = nodeLabel(nodes.get(nodeId), blocks);
    list.forEach((issue, index) =>
      items.push({ key: `${nodeId}-${index}`, nodeId, where, message: issue.message }),
    );
  }
  return items;
}

/**
 * The agent editor: palette, canvas, toolbar, issues, saving, running and the run's details. Every edit
 * goes through the editor's pure operations and its undo history (`EditorStore`).
 */
export function Builder({
  blocks,
  initial,
  execId,
  onSavedAs,
}: {
  blocks: readonly BlockLike[];
  initial: Graph | undefined;
  execId: string | undefined;
  /** Called with the graph id before a save puts it in the URL, so the page keeps this editor. */
  onSavedAs: (graphId: string) => void;
}) {
  const queryClient = useQueryClient();
  const [theme] = useTheme();
  const [, setParams] = useSearchParams();
  const flow = useReactFlow<BlockFlowNode, LinkFlowEdge>();
  const blockMap = useMemo(() => new Map(blocks.map((block) => [block.id, block])), [blocks]);
  const [store] = useState(() => new EditorStore(initialGraph(initial)));
  // Fit an opened graph once its first nodes are measured; a new agent keeps the default zoom.
  const pendingFit = useRef(store.graph.nodes.length > 0);
  const state = useEditorState(store);
  const graph = state.history.present;
  const dirty = isDirty(state);
  const [model, setModel] = useState<Graph | undefined>(initial);
  const measured = useRef(new Map<string, Measured>());
  const { toasts, show: toast, dismiss } = useToasts();
  const credentialOptions = useCredentialOptions().options;
  const [paletteHidden, setPaletteHidden] = useState(false);
  const hidePalette = useCallback(() => setPaletteHidden(true), []);
  const [issuesOpen, setIssuesOpen] = useState(false);
  const [refused, setRefused] = useState<readonly ServerIssueLike[]>([]);
  const [inspected, setInspected] = useState<string | null>(null);
  const [runDialogOpen, setRunDialogOpen] = useState(false);
  const [runBusy, setRunBusy] = useState(false);
  const canvas = useRef<HTMLDivElement>(null);
  const dragGesture = useRef(0);
  const pasteCount = useRef(0);

  // ---------- issues ----------
  const liveIssues = useGraphIssues(graph, blockMap);
  // A server refusal (save or run) shows until the next edit.
  const refusedFor = useRef(graph);
  useEffect(() => {
    if (refusedFor.current !== graph) setRefused([]);
  }, [graph]);
  const issues = useMemo(() => {
    if (refused.length === 0) return liveIssues;
    const all = [...liveIssues.general, ...[...liveIssues.byNode.values()].flat()];
    const seen = new Set(all.map((issue) => `${issue.node_id ?? ''}|${issue.field ?? ''}|${issue.message}`));
    const extra = refused.filter(
      (issue) => !seen.has(`${issue.node_id ?? ''}|${issue.field ?? ''}|${issue.message}`),
    );
    return groupIssues([...all, ...extra], { nodeIds: graph.nodes.map((node) => node.id) });
  }, [liveIssues, refused, graph.nodes]);
  const items = useMemo(() => issueItems(issues, graph, blockMap), [issues, graph, blockMap]);

  // ---------- run ----------
  const run = useBuilderRun(model?.id ?? graph.id, execId);
  const runState = run?.state;
  const running = run !== undefined && !isFinalStatus(run.state.status ?? run.details?.status);

  // ---------- canvas elements ----------
  const { nodes, edges } = useFlowElements({
    graph,
    blocks: blockMap,
    selectedNodes: state.selectedNodes,
    selectedLinks: state.selectedLinks,
    issues,
    run: runState,
    measured: measured.current,
  });

  // ---------- node actions (stable) ----------
  const actions = useMemo<NodeActions>(
    () => ({
      setInput: ({ nodeId, field, value, agent }) => {
        const coalesceKey = `input:${nodeId}:${field}`;
        if (!agent) {
          store.apply((current) => setInput(current, nodeId, field, value), { coalesceKey });
          return;
        }
        store.apply(
          (current) => {
            const node = current.nodes.find((each) => each.id === nodeId);
            const inputs = isRecord(node?.inputs.inputs) ? { ...node.inputs.inputs } : {};
            if (value === undefined) delete inputs[field];
            else setOwn(inputs, field, value);
            return setInput(current, nodeId, 'inputs', inputs);
          },
          { coalesceKey },
        );
      },
      setKeyValues: (change) => {
        const { graph: next, coalesceKey } = applyKeyValues(store.graph, change);
        store.apply(() => next, coalesceKey ? { coalesceKey } : {});
      },
      removeNode: (nodeId) => {
        store.apply((current) => removeNodes(current, [nodeId]));
      },
      endEdit: () => store.seal(),
    }),
    [store],
  );

  // ---------- adding, moving, selecting, connecting ----------
  /** Adds a node of `block` (with `inputs` over its defaults) at `position`, or at a free spot in view. */
  const addBlock = useCallback(
    (block: BlockLike, position?: Position, inputs?: Record<string, unknown>) => {
      const id = newId();
      // Without a drop point: right of the last node (a chain reads left to right), or the middle of the view.
      let at = position;
      if (!at) {
        const rect = canvas.current?.getBoundingClientRect();
        const middle = rect
          ? flow.screenToFlowPosition({ x: rect.left + rect.width / 2 - 140, y: rect.top + rect.height / 4 })
          : { x: 0, y: 0 };
        at = nextFreePosition(store.graph, {
          ...(store.graph.nodes.length === 0 ? { near: middle } : {}),
          size: NODE_SIZE,
          gap: 60,
        });
      }
      store.apply((current) => {
        let next = addNode(current, block, at, id);
        for (const [field, value] of Object.entries(inputs ?? {})) next = setInput(next, id, field, value);
        return next;
      });
      store.select([id]);
      if (!position) {
        const { zoom } = flow.getViewport();
        void flow.setCenter(at.x + NODE_SIZE.width / 2, at.y + NODE_SIZE.height / 2, { zoom, duration: 200 });
      }
    },
    [flow, store],
  );

  const agentBlock = useMemo(() => blocks.find((block) => block.uiType === 'Agent'), [blocks]);
  const graphList = useGraphList();
  const ownId = model?.id ?? graph.id;
  const agents = useMemo<PaletteAgent[]>(
    () =>
      (graphList.data ?? [])
        .filter((meta) => meta.id !== ownId)
        .map(({ id, name, description, version }) => ({ id, name, description, version })),
    [graphList.data, ownId],
  );

  /** Adds one of the user's agents as a sub-agent node (the Agent block, set up with the agent's schemas). */
  const addAgent = useCallback(
    async (agent: PaletteAgent, position?: Position) => {
      if (!agentBlock) return;
      try {
        const child = await queryClient.fetchQuery({
          queryKey: ['graph', agent.id, agent.version],
          queryFn: () =>
            unwrap(
              api.GET('/api/graphs/{id}', {
                params: { path: { id: agent.id }, query: { version: agent.version } },
              }),
            ),
        });
        addBlock(agentBlock, position, {
          user_id: child.user_id,
          graph_id: child.id,
          graph_version: child.version,
          agent_name: child.name,
          inputs: {},
          input_schema: child.input_schema,
          output_schema: child.output_schema,
        });
      } catch (error) {
        toast(`The agent could not be added: ${errorMessage(error)}`, 'error');
      }
    },
    [agentBlock, queryClient, addBlock, toast],
  );
  const onAddAgent = useCallback((agent: PaletteAgent) => void addAgent(agent), [addAgent]);

  /**
   * Shows the whole graph (at most at 100 %). Nodes not measured yet (off-screen ones are not rendered)
   * count with a typical size.
   */
  const fitGraph = useCallback(() => {
    const rect = canvas.current?.getBoundingClientRect();
    const { nodes: all } = store.graph;
    if (!rect || all.length === 0) return;
    let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const node of all) {
      const size = measured.current.get(node.id) ?? NODE_SIZE;
      left = Math.min(left, node.position.x);
      top = Math.min(top, node.position.y);
      right = Math.max(right, node.position.x + size.width);
      bottom = Math.max(bottom, node.position.y + size.height);
    }
    const bounds = { x: left, y: top, width: right - left, height: bottom - top };
    void flow.setViewport(getViewportForBounds(bounds, rect.width, rect.height, MIN_ZOOM, 1, 0.1));
  }, [flow, store]);

  const onNodesChange = useCallback(
    (changes: NodeChange<BlockFlowNode>[]) => {
      const positions: Record<string, Position> = {};
      let measuredSome = false;
      for (const change of changes) {
        if (change.type === 'position' && change.position) positions[change.id] = change.position;
        else if (change.type === 'dimensions' && change.dimensions) {
          measured.current.set(change.id, change.dimensions);
          measuredSome = true;
        } else if (change.type === 'select') store.setSelected('node', change.id, change.selected);
      }
      if (measuredSome && pendingFit.current) {
        pendingFit.current = false;
        requestAnimationFrame(fitGraph);
      }
      if (Object.keys(positions).length > 0) {
        store.apply((current) => moveNodes(current, positions), {
          coalesceKey: `move:${dragGesture.current}`,
        });
      }
    },
    [store, fitGraph],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<LinkFlowEdge>[]) => {
      for (const change of changes) {
        if (change.type === 'select') store.setSelected('link', change.id, change.selected);
      }
    },
    [store],
  );

  const checkConnection = useCallback(
    (connection: {
      source: string;
      target: string;
      sourceHandle?: string | null;
      targetHandle?: string | null;
    }) =>
      validateConnection(store.graph, blockMap, {
        source: connection.source,
        sourceHandle: connection.sourceHandle ?? '',
        target: connection.target,
        targetHandle: connection.targetHandle ?? '',
      }),
    [store, blockMap],
  );

  const isValidConnection = useCallback<IsValidConnection<LinkFlowEdge>>(
    (connection) => checkConnection(connection).ok,
    [checkConnection],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      const result = checkConnection(connection);
      if (!result.ok) {
        toast(result.reason, 'error');
        return;
      }
      const source = store.graph.nodes.find((node) => node.id === connection.source);
      const isStatic = staticLinkFor(source ? blockMap.get(source.blockId) : undefined);
      store.apply((current) =>
        connect(current, {
          id: newId(),
          source: connection.source,
          sourcePin: connection.sourceHandle ?? '',
          target: connection.target,
          targetPin: connection.targetHandle ?? '',
          isStatic,
        }),
      );
    },
    [checkConnection, store, blockMap, toast],
  );

  const onConnectEnd = useCallback(
    (_event: MouseEvent | TouchEvent, connection: FinalConnectionState) => {
      const { fromHandle, toHandle, isValid } = connection;
      if (!fromHandle || !toHandle || isValid !== false) return;
      if (fromHandle.type === toHandle.type) {
        toast(
          fromHandle.type === 'source' ? 'Connect an output to an input' : 'Connect an input to an output',
          'error',
        );
        return;
      }
      const [source, target] = fromHandle.type === 'source' ? [fromHandle, toHandle] : [toHandle, fromHandle];
      const result = checkConnection({
        source: source.nodeId,
        sourceHandle: source.id ?? null,
        target: target.nodeId,
        targetHandle: target.id ?? null,
      });
      if (!result.ok) toast(result.reason, 'error');
    },
    [checkConnection, toast],
  );

  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    const { types } = event.dataTransfer;
    if (!types.includes(BLOCK_DRAG_TYPE) && !types.includes(AGENT_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    const block = blockMap.get(event.dataTransfer.getData(BLOCK_DRAG_TYPE));
    const agent = agents.find((candidate) => candidate.id === event.dataTransfer.getData(AGENT_DRAG_TYPE));
    if (!block && !agent) return;
    event.preventDefault();
    const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    const at = { x: Math.round(point.x - 140), y: Math.round(point.y - 20) };
    if (block) addBlock(block, at);
    else if (agent) void addAgent(agent, at);
  };

  const focusNode = useCallback(
    (nodeId: string) => {
      store.select([nodeId]);
      void flow.fitView({ nodes: [{ id: nodeId }], duration: 300, maxZoom: 1.1 });
    },
    [flow, store],
  );

  // The inspector narrows the canvas: keep the inspected node in view.
  useEffect(() => {
    if (!inspected) return;
    const frame = requestAnimationFrame(() => {
      const node = flow.getInternalNode(inspected);
      const rect = canvas.current?.getBoundingClientRect();
      if (!node || !rect) return;
      const { x, y, zoom } = flow.getViewport();
      const width = node.measured.width ?? NODE_SIZE.width;
      const height = node.measured.height ?? NODE_SIZE.height;
      const { x: left, y: top } = node.internals.positionAbsolute;
      const inView =
        left * zoom + x >= 0 &&
        (left + width) * zoom + x <= rect.width &&
        top * zoom + y >= 0 &&
        top * zoom + y <= rect.height;
      // Centred in the canvas as it is now (React Flow may not have measured its new width yet).
      const centre = {
        x: rect.width / 2 - (left + width / 2) * zoom,
        y: rect.height / 2 - (top + height / 2) * zoom,
      };
      if (!inView) void flow.setViewport({ ...centre, zoom }, { duration: 200 });
    });
    return () => cancelAnimationFrame(frame);
  }, [inspected, flow]);

  // ---------- clipboard and deletion ----------
  const copy = useCallback(() => {
    const selected = store.getState().selectedNodes;
    if (selected.size === 0) return false;
    clipboard = copySelection(store.graph, selected);
    pasteCount.current = 0;
    return true;
  }, [store]);

  const pasteClipboard = useCallback(() => {
    if (!clipboard || clipboard.nodes.length === 0) return;
    const step = PASTE_OFFSET * ++pasteCount.current;
    const result = paste(store.graph, clipboard, { newId, offset: { x: step, y: step } });
    store.apply(() => result.graph);
    store.select(result.newNodeIds);
  }, [store]);

  const deleteSelection = useCallback(() => {
    const { selectedNodes, selectedLinks } = store.getState();
    if (selectedNodes.size === 0 && selectedLinks.size === 0) return;
    store.apply((current) => disconnect(removeNodes(current, selectedNodes), selectedLinks));
    store.select([]);
  }, [store]);

  // ---------- saving ----------
  const saveMutation = useMutation({
    mutationFn: async (sent: EditorGraph): Promise<Graph> => {
      const body = { ...toApiGraph(sent), is_active: true };
      if (sent.id) {
        return unwrap(api.PUT('/api/graphs/{id}', { params: { path: { id: sent.id } }, body }));
      }
      return unwrap(api.POST('/api/graphs', { body: { graph: body, source: 'builder' } }));
    },
  });

  const save = useCallback(async (): Promise<Graph | undefined> => {
    const sent = store.graph;
    if (sent.name.trim() === '') {
      toast('Give the agent a name before saving', 'error');
      return undefined;
    }
    try {
      const saved = await saveMutation.mutateAsync(sent);
      const next = fromApiGraph(saved);
      if (store.graph === sent) store.markSaved(next);
      else store.apply((current) => ({ ...current, id: saved.id, version: saved.version }));
      setModel(saved);
      setInspected(null);
      queryClient.setQueryData(['graph', saved.id, undefined], saved);
      void queryClient.invalidateQueries({ queryKey: ['graphs'] });
      void queryClient.invalidateQueries({ queryKey: ['graph', saved.id, 'versions'] });
      onSavedAs(saved.id);
      setParams({ flowID: saved.id }, { replace: true });
      toast(`Saved version ${saved.version}`, 'success');
      return saved;
    } catch (error) {
      refusedFor.current = sent;
      const found = refusalIssues(error);
      setRefused(found);
      if (found.length > 0) setIssuesOpen(true);
      toast(`Not saved: ${errorMessage(error)}`, 'error');
      return undefined;
    }
  }, [store, saveMutation, queryClient, onSavedAs, setParams, toast]);

  // ---------- running ----------
  const onStarted = useCallback(
    (meta: RunMeta) => {
      setRunDialogOpen(false);
      setInspected(null);
      void queryClient.invalidateQueries({ queryKey: ['executions'] });
      void queryClient.invalidateQueries({ queryKey: ['graph-executions', meta.graph_id] });
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.set('flowID', meta.graph_id);
          next.set('execID', meta.id);
          return next;
        },
        { replace: true },
      );
    },
    [queryClient, setParams],
  );

  const startRun = useCallback(
    async (preset?: { inputs: Record<string, unknown>; credentials: RunMeta['credential_inputs'] }) => {
      if (store.graph.nodes.length === 0) {
        toast('Add blocks to the agent before running it', 'error');
        return;
      }
      if (items.length > 0) {
        setIssuesOpen(true);
        toast(
          `Fix ${items.length === 1 ? 'the issue' : `the ${items.length} issues`} before running`,
          'error',
        );
        return;
      }
      setRunBusy(true);
      try {
        const current = dirty || !model ? await save() : model;
        if (!current) return;
        const check = await unwrap(
          api.POST('/api/graphs/validate', {
            body: { graph: { ...toApiGraph(store.graph) }, for_run: true },
          }),
        );
        if (!check.valid) {
          refusedFor.current = store.graph;
          setRefused(check.issues);
          setIssuesOpen(true);
          toast('The agent cannot run yet: see the issues', 'error');
          return;
        }
        const needsForm =
          Object.keys(current.input_schema.properties).length > 0 ||
          Object.keys(current.credentials_input_schema.properties).length > 0;
        if (needsForm && !preset) {
          setRunDialogOpen(true);
          return;
        }
        const meta = await unwrap(
          api.POST('/api/graphs/{id}/execute/{version}', {
            params: { path: { id: current.id, version: current.version } },
            body: { inputs: preset?.inputs ?? {}, credentials_inputs: preset?.credentials ?? {} },
          }),
        );
        onStarted(meta);
      } catch (error) {
        const found = refusalIssues(error);
        if (found.length > 0) {
          refusedFor.current = store.graph;
          setRefused(found);
          setIssuesOpen(true);
        }
        toast(`The run did not start: ${errorMessage(error)}`, 'error');
      } finally {
        setRunBusy(false);
      }
    },
    [items.length, dirty, model, save, store, onStarted, toast],
  );

  const stopMutation = useMutation({
    mutationFn: (target: { graphId: string; execId: string }) =>
      unwrap(
        api.POST('/api/graphs/{id}/executions/{exec_id}/stop', {
          params: { path: { id: target.graphId, exec_id: target.execId } },
        }),
      ),
    onSuccess: (_meta, target) => {
      void queryClient.invalidateQueries({ queryKey: ['execution', target.graphId, target.execId] });
    },
    onError: (error) => toast(`The run was not stopped: ${errorMessage(error)}`, 'error'),
  });
  const graphId = model?.id ?? graph.id;
  const stop = useCallback(() => {
    if (run && graphId) stopMutation.mutate({ graphId, execId: run.execId });
  }, [run, graphId, stopMutation]);

  const closeRun = useCallback(() => {
    setInspected(null);
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete('execID');
        return next;
      },
      { replace: true },
    );
  }, [setParams]);

  const runAgain =
    run?.details && isFinalStatus(run.state.status ?? run.details.status)
      ? () =>
          void startRun({
            inputs: run.details?.inputs ?? {},
            credentials: run.details?.credential_inputs ?? {},
          })
      : undefined;

  // ---------- keyboard ----------
  const keyHandlers = useRef({ save, copy, pasteClipboard, deleteSelection });
  useEffect(() => {
    keyHandlers.current = { save, copy, pasteClipboard, deleteSelection };
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = event.metaKey || event.ctrlKey;
      const key = event.key.toLowerCase();
      const handlers = keyHandlers.current;
      if (mod && key === 's') {
        event.preventDefault();
        void handlers.save();
        return;
      }
      if (isTypingTarget(event.target) || document.querySelector('dialog[open]')) return;
      if (mod && key === 'z' && !event.shiftKey) {
        event.preventDefault();
        store.undo();
      } else if (mod && ((key === 'z' && event.shiftKey) || key === 'y')) {
        event.preventDefault();
        store.redo();
      } else if (mod && key === 'c') {
        if (handlers.copy()) event.preventDefault();
      } else if (mod && key === 'v') {
        event.preventDefault();
        handlers.pasteClipboard();
      } else if (mod && key === 'd') {
        event.preventDefault();
        if (handlers.copy()) handlers.pasteClipboard();
      } else if (!mod && (key === 'delete' || key === 'backspace')) {
        event.preventDefault();
        handlers.deleteSelection();
      } else if (key === 'escape') {
        store.select([]);
        setInspected(null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);

  // ---------- leaving with unsaved changes ----------
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      isDirty(store.getState()) &&
      (currentLocation.pathname !== nextLocation.pathname ||
        graphOf(currentLocation.search) !== graphOf(nextLocation.search)),
  );

  const openVersion = useCallback(
    (version: number) => {
      if (!graphId) return;
      setParams({ flowID: graphId, flowVersion: String(version) });
    },
    [graphId, setParams],
  );

  const inspectedNode = inspected ? graph.nodes.find((node) => node.id === inspected) : undefined;
  const history = state.history;
  const versionNote =
    run?.details && graph.version !== undefined && run.details.graph_version !== graph.version
      ? `This run used version ${run.details.graph_version}; the canvas shows version ${graph.version}.`
      : undefined;

  return (
    <NodeActionsContext.Provider value={actions}>
      <CredentialsContext.Provider value={credentialOptions}>
        <div
          className="flex h-full flex-col"
          data-testid="builder"
          data-graph-id={graphId}
          data-node-count={graph.nodes.length}
          data-link-count={graph.links.length}
          data-dirty={dirty}
        >
          <Toolbar
            name={graph.name}
            description={graph.description}
            onName={(name) => store.apply((current) => ({ ...current, name }), { coalesceKey: 'name' })}
            onDescription={(description) =>
              store.apply((current) => ({ ...current, description }), { coalesceKey: 'description' })
            }
            onEditEnd={() => store.seal()}
            graphId={graphId}
            version={graph.version}
            dirty={dirty}
            saving={saveMutation.isPending}
            canUndo={canUndo(history)}
            canRedo={canRedo(history)}
            onUndo={() => store.undo()}
            onRedo={() => store.redo()}
            onSave={() => void save()}
            onOpenVersion={openVersion}
            issues={items}
            issuesOpen={issuesOpen}
            onIssuesOpen={setIssuesOpen}
            onFocusNode={focusNode}
            running={running}
            runBusy={runBusy}
            onRun={() => void startRun()}
            onStop={stop}
            paletteHidden={paletteHidden}
            onShowPalette={() => setPaletteHidden(false)}
          />
          <div className="flex min-h-0 flex-1">
            {!paletteHidden && (
              <Palette
                blocks={blocks}
                agents={agents}
                onAdd={addBlock}
                onAddAgent={onAddAgent}
                onCollapse={hidePalette}
              />
            )}
            <div
              ref={canvas}
              className="relative min-w-0 flex-1 bg-slate-50 dark:bg-slate-950"
              data-testid="canvas"
              onDragOver={onDragOver}
              onDrop={onDrop}
            >
              <ReactFlow<BlockFlowNode, LinkFlowEdge>
                nodes={nodes}
                edges={edges}
                nodeTypes={nodeTypes}
                onNodesChange={onNodesChange}
                onEdgesChange={onEdgesChange}
                onConnect={onConnect}
                onConnectEnd={onConnectEnd}
                isValidConnection={isValidConnection}
                onNodeDragStart={() => {
                  dragGesture.current += 1;
                }}
                onNodeDragStop={() => store.seal()}
                onNodeClick={(event, node) => {
                  // Editing a field is not asking for the run's details.
                  const target = event.target instanceof Element ? event.target : null;
                  if (run && !target?.closest('input, textarea, select, button, label, a'))
                    setInspected(node.id);
                }}
                onPaneClick={() => setIssuesOpen(false)}
                deleteKeyCode={null}
                onlyRenderVisibleElements
                minZoom={MIN_ZOOM}
                maxZoom={2}
                colorMode={theme}
                proOptions={{ hideAttribution: true }}
              >
                <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} />
                <Controls position="bottom-left" fitViewOptions={fitViewOptions} />
                <MiniMap
                  position="bottom-right"
                  pannable
                  zoomable
                  className="hidden md:block"
                  style={{ width: 160, height: 110 }}
                  nodeColor={minimapColour}
                  nodeStrokeWidth={0}
                  ariaLabel="Mini map"
                />
              </ReactFlow>
              {graph.nodes.length === 0 && (
                <div className="pointer-events-none absolute inset-0 grid place-items-center">
                  <div className="max-w-sm rounded-lg border border-dashed border-slate-300 bg-white/80 p-6 text-center text-sm text-slate-600 dark:border-slate-700 dark:bg-slate-900/80 dark:text-slate-300">
                    <p className="font-medium">Start building your agent</p>
                    <p className="mt-1">
                      Drag blocks from the list onto the canvas, or click a block to add it. An agent usually
                      starts with an Agent Input and ends with an Agent Output.
                    </p>
                  </div>
                </div>
              )}
              <div className="pointer-events-none absolute inset-x-0 top-2 z-10 flex justify-center px-4">
                {run && graphId && (
                  <RunStatusBar
                    run={run}
                    graphId={graphId}
                    versionNote={versionNote}
                    stopping={stopMutation.isPending}
                    onStop={stop}
                    onRunAgain={runAgain}
                    onClose={closeRun}
                  />
                )}
              </div>
              <Toasts toasts={toasts} onDismiss={dismiss} />
            </div>
            {run && inspectedNode && (
              <Inspector
                node={inspectedNode}
                block={blockMap.get(inspectedNode.blockId)}
                run={run}
                onClose={() => setInspected(null)}
              />
            )}
          </div>
        </div>
        {model && runDialogOpen && (
          <RunDialog
            graph={model}
            open={runDialogOpen}
            onClose={() => setRunDialogOpen(false)}
            onStarted={onStarted}
          />
        )}
        <Dialog
          open={blocker.state === 'blocked'}
          title="Leave without saving?"
          onClose={() => blocker.reset?.()}
        >
          <p className="text-sm">This agent has unsaved changes. They will be lost if you leave.</p>
          <div className="mt-4 flex justify-end gap-2">
            <Button onClick={() => blocker.reset?.()}>Stay</Button>
            <Button variant="danger" onClick={() => blocker.proceed?.()}>
              Discard changes
            </Button>
          </div>
        </Dialog>
      </CredentialsContext.Provider>
    </NodeActionsContext.Provider>
  );
}
