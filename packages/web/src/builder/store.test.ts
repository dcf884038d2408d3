import { describe, expect, it, vi } from 'vitest';
import { calculatorBlock } from '../editor/fixtures';
import { addNode, emptyGraph, moveNodes, setInput } from '../editor/model';
import { EditorStore, isDirty } from './store';

const withNode = () => addNode(emptyGraph(), calculatorBlock, { x: 0, y: 0 }, 'n1');

describe('EditorStore', () => {
  it('is clean until an edit, and clean again after undoing it', () => {
    const store = new EditorStore(withNode());
    expect(isDirty(store.getState())).toBe(false);
    expect(store.apply((graph) => setInput(graph, 'n1', 'b', 34))).toBe(true);
    expect(isDirty(store.getState())).toBe(true);
    store.undo();
    expect(isDirty(store.getState())).toBe(false);
    store.redo();
    expect(store.graph.nodes[0]?.inputs.b).toBe(34);
  });

  it('makes one undo step of a coalesced gesture, and a new one after seal', () => {
    const store = new EditorStore(withNode());
    for (const x of [10, 20, 30])
      store.apply((graph) => moveNodes(graph, { n1: { x, y: 0 } }), { coalesceKey: 'move:1' });
    store.seal();
    store.apply((graph) => moveNodes(graph, { n1: { x: 40, y: 0 } }), { coalesceKey: 'move:1' });
    store.undo();
    expect(store.graph.nodes[0]?.position.x).toBe(30);
    store.undo();
    expect(store.graph.nodes[0]?.position.x).toBe(0);
  });

  it('takes a saved graph as the clean present without an undo step', () => {
    const store = new EditorStore(withNode());
    store.apply((graph) => setInput(graph, 'n1', 'b', 1));
    const saved = { ...store.graph, id: 'g1', version: 1 };
    store.markSaved(saved);
    expect(store.graph).toBe(saved);
    expect(isDirty(store.getState())).toBe(false);
    store.undo();
    expect(store.graph.nodes[0]?.inputs.b).toBeUndefined();
  });

  it('notifies on changes only, and applies selection changes one by one', () => {
    const store = new EditorStore(withNode());
    const listener = vi.fn();
    store.subscribe(listener);
    expect(store.apply((graph) => graph)).toBe(false);
    store.setSelected('node', 'n1', true);
    store.setSelected('node', 'n1', true);
    store.setSelected('link', 'l1', true);
    expect([...store.getState().selectedNodes]).toEqual(['n1']);
    expect([...store.getState().selectedLinks]).toEqual(['l1']);
    expect(listener).toHaveBeenCalledTimes(2);
    store.select([]);
    expect(store.getState().selectedNodes.size).toBe(0);
    expect(store.getState().selectedLinks.size).toBe(0);
  });
});
