import { useSyncExternalStore } from 'react';
import {
  canRedo,
  canUndo,
  createHistory,
  push,
  redo,
  replacePresent,
  seal,
  undo,
  type History,
} from '../editor/history';
import type { EditorGraph } from '../editor/model';

/**
 * The builder's editing state outside React: the graph with its undo history, the graph as last saved (so
 * "unsaved changes" is an identity check and undoing back to it is clean), and the selection. Event handlers
 * read and write it synchronously, so quick successive key presses always see the latest graph.
 */
export interface EditorState {
  history: History<EditorGraph>;
  saved: EditorGraph;
  selectedNodes: ReadonlySet<string>;
  selectedLinks: ReadonlySet<string>;
}

const none: ReadonlySet<string> = new Set();

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const item of a) if (!b.has(item)) return false;
  return true;
}

export class EditorStore {
  private state: EditorState;
  private readonly listeners = new Set<() => void>();

  constructor(graph: EditorGraph) {
    this.state = {
      history: createHistory(graph, { limit: 200 }),
      saved: graph,
      selectedNodes: none,
      selectedLinks: none,
    };
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): EditorState => this.state;

  get graph(): EditorGraph {
    return this.state.history.present;
  }

  private set(next: EditorState): void {
    if (next === this.state) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }

  /**
   * Applies a pure edit. With `coalesceKey`, successive edits with the same key (typing in one field, one
   * drag) make a single undo step. Returns whether the graph changed.
   */
  apply(op: (graph: EditorGraph) => EditorGraph, options: { coalesceKey?: string } = {}): boolean {
    const history = push(this.state.history, op(this.graph), options);
    if (history === this.state.history) return false;
    this.set({ ...this.state, history });
    return true;
  }

  /** Ends the current coalesced gesture (a drag ended, the focus left a field). */
  seal(): void {
    const history = seal(this.state.history);
    if (history !== this.state.history) this.state = { ...this.state, history };
  }

  undo(): void {
    if (canUndo(this.state.history)) this.set({ ...this.state, history: undo(this.state.history) });
  }

  redo(): void {
    if (canRedo(this.state.history)) this.set({ ...this.state, history: redo(this.state.history) });
  }

  /** The graph the server returned for a save: the present without an undo step, and the new clean state. */
  markSaved(graph: EditorGraph): void {
    this.set({
      ...this.state,
      history: replacePresent(this.state.history, graph),
      saved: graph,
      selectedNodes: none,
      selectedLinks: none,
    });
  }

  select(nodes: Iterable<string>, links: Iterable<string> = []): void {
    const selectedNodes = new Set(nodes);
    const selectedLinks = new Set(links);
    if (sameSet(selectedNodes, this.state.selectedNodes) && sameSet(selectedLinks, this.state.selectedLinks))
      return;
    this.set({ ...this.state, selectedNodes, selectedLinks });
  }

  /** Applies React Flow's selection changes (one item at a time). */
  setSelected(kind: 'node' | 'link', id: string, selected: boolean): void {
    const current = kind === 'node' ? this.state.selectedNodes : this.state.selectedLinks;
    if (current.has(id) === selected) return;
    const next = new Set(current);
    if (selected) next.add(id);
    else next.delete(id);
    this.set(
      kind === 'node' ? { ...this.state, selectedNodes: next } : { ...this.state, selectedLinks: next },
    );
  }
}

export function useEditorState(store: EditorStore): EditorState {
  return useSyncExternalStore(store.subscribe, store.getState);
}

export function isDirty(state: EditorState): boolean {
  return state.history.present !== state.saved;
}
