import { describe, expect, it } from 'vitest';
import { autoLayout, layersOf, needsLayout, nextFreePosition } from './layout';
import type { EditorGraph, EditorLink, EditorNode } from './types';

const node = (id: string, x = 0, y = 0): EditorNode => ({
  id,
  blockId: 'b',
  position: { x, y },
  inputs: {},
  metadata: {},
});
const link = (source: string, target: string): EditorLink => ({
  id: `${source}-${target}`,
  source,
  sourcePin: 'out',
  target,
  targetPin: 'in',
  isStatic: false,
});
const graph = (nodes: EditorNode[], links: EditorLink[] = []): EditorGraph => ({
  name: 'g',
  description: '',
  nodes,
  links,
});

describe('layersOf', () => {
  it('uses the longest path from a source, ignoring cycles', () => {
    const g = graph(
      [node('d'), node('a'), node('b'), node('c')],
      [link('a', 'b'), link('b', 'c'), link('a', 'c'), link('c', 'd'), link('d', 'b'), link('c', 'c')],
    );
    const layers = layersOf(g);
    expect(layers.get('a')).toBe(0);
    expect(layers.get('b')).toBe(1);
    expect(layers.get('c')).toBe(2);
    expect(layers.get('d')).toBe(3);
  });
});

describe('autoLayout', () => {
  it('places layers left to right and stacks each layer', () => {
    const g = graph(
      [node('out'), node('in1'), node('in2'), node('calc')],
      [link('in1', 'calc'), link('in2', 'calc'), link('calc', 'out')],
    );
    const laid = autoLayout(g, { columnWidth: 400, rowHeight: 200, origin: { x: 10, y: 20 } });
    const at = (id: string) => laid.nodes.find((n) => n.id === id)?.position;
    expect(at('in1')).toEqual({ x: 10, y: 20 });
    expect(at('in2')).toEqual({ x: 10, y: 220 });
    expect(at('calc')).toEqual({ x: 410, y: 20 });
    expect(at('out')).toEqual({ x: 810, y: 20 });
    expect(laid.links).toBe(g.links);
    expect(g.nodes[0]?.position).toEqual({ x: 0, y: 0 });
  });

  it('orders a layer by the rows of its predecessors', () => {
    const g = graph([node('a'), node('b'), node('y'), node('x')], [link('a', 'x'), link('b', 'y')]);
    const laid = autoLayout(g, { rowHeight: 100 });
    const at = (id: string) => laid.nodes.find((n) => n.id === id)?.position.y;
    expect([at('a'), at('b')]).toEqual([0, 100]);
    expect([at('x'), at('y')]).toEqual([0, 100]);
  });
});

describe('needsLayout / nextFreePosition', () => {
  it('spots graphs imported without positions', () => {
    expect(needsLayout(graph([node('a'), node('b')]))).toBe(true);
    expect(needsLayout(graph([node('a'), node('b', 1, 0)]))).toBe(false);
    expect(needsLayout(graph([node('a')]))).toBe(false);
  });

  it('finds a spot right of the last node that overlaps nothing', () => {
    expect(nextFreePosition(graph([]))).toEqual({ x: 0, y: 0 });
    const g = graph([node('a', 0, 0), node('b', 450, 0), node('c', 900, 0)]);
    expect(nextFreePosition(graph([node('a', 0, 0)]))).toEqual({ x: 450, y: 0 });
    // Right of `c` is free.
    expect(nextFreePosition(g)).toEqual({ x: 1350, y: 0 });
    // Near `b`: taken, so the spot moves down until free.
    const spot = nextFreePosition(graph([...g.nodes, node('d', 450, 200)]), { near: { x: 450, y: 0 } });
    expect(spot).toEqual({ x: 450, y: 400 });
  });
});
