import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, createHistory, present, push, redo, replacePresent, seal, undo } from './history';

describe('history', () => {
  it('undoes and redoes in order', () => {
    let h = createHistory('a');
    expect(canUndo(h)).toBe(false);
    h = push(h, 'b');
    h = push(h, 'c');
    expect(present(h)).toBe('c');
    h = undo(h);
    expect(present(h)).toBe('b');
    expect(canRedo(h)).toBe(true);
    h = undo(h);
    expect(present(h)).toBe('a');
    expect(canUndo(h)).toBe(false);
    expect(undo(h)).toBe(h);
    h = redo(h);
    h = redo(h);
    expect(present(h)).toBe('c');
    expect(canRedo(h)).toBe(false);
    expect(redo(h)).toBe(h);
  });

  it('drops the redo branch when a new state is pushed after undo', () => {
    let h = push(push(createHistory('a'), 'b'), 'c');
    h = undo(h);
    h = push(h, 'd');
    expect(canRedo(h)).toBe(false);
    expect(present(h)).toBe('d');
    expect(present(undo(h))).toBe('b');
    expect(present(undo(undo(h)))).toBe('a');
  });

  it('coalesces consecutive pushes with the same key into one entry', () => {
    let h = push(createHistory({ x: 0 }), { x: 1 }, { coalesceKey: 'move:n1' });
    h = push(h, { x: 2 }, { coalesceKey: 'move:n1' });
    h = push(h, { x: 3 }, { coalesceKey: 'move:n1' });
    expect(present(h)).toEqual({ x: 3 });
    expect(h.past).toHaveLength(1);
    expect(present(undo(h))).toEqual({ x: 0 });
    // A different key, or no key, starts a new entry.
    h = push(h, { x: 4 }, { coalesceKey: 'move:n2' });
    h = push(h, { x: 5 });
    h = push(h, { x: 6 }, { coalesceKey: 'move:n2' });
    expect(h.past.map((s) => s.x)).toEqual([0, 3, 4, 5]);
  });

  it('starts a new entry after seal or undo, even with the same key', () => {
    let h = push(createHistory(0), 1, { coalesceKey: 'k' });
    h = seal(h);
    h = push(h, 2, { coalesceKey: 'k' });
    expect(h.past).toEqual([0, 1]);
    h = undo(h);
    h = push(h, 3, { coalesceKey: 'k' });
    expect(h.past).toEqual([0, 1]);
    expect(present(h)).toBe(3);
  });

  it('ignores a push of the present itself (an operation that changed nothing)', () => {
    const state = { nodes: [] };
    const h = createHistory(state);
    expect(push(h, state)).toBe(h);
  });

  it('keeps at most `limit` past states', () => {
    let h = createHistory(0, { limit: 3 });
    for (let i = 1; i <= 10; i++) h = push(h, i);
    expect(h.past).toEqual([7, 8, 9]);
    h = undo(undo(undo(h)));
    expect(present(h)).toBe(7);
    expect(canUndo(h)).toBe(false);
    h = redo(h);
    expect(present(h)).toBe(8);
  });

  it('replaces the present without an entry', () => {
    let h = push(createHistory('a'), 'b');
    h = replacePresent(h, 'b-saved');
    expect(present(h)).toBe('b-saved');
    expect(h.past).toEqual(['a']);
    expect(present(redo(undo(h)))).toBe('b-saved');
  });
});
