import { describe, expect, it } from 'vitest';
import type { Store } from '../../ports/store';
import { ALICE, BOB, at, graph } from './fixtures';

export function describeGraphContract(store: () => Store): void {
  describe('graph versions', () => {
    it('stores a version and reads it back exactly, keeping node and link order', async () => {
      const stored = graph({
        instructions: 'Ask nicely',
        recommended_schedule_cron: '0 9 * * 1',
        forked_from_id: 'g0',
        forked_from_version: 4,
      });
      await store().createGraph(stored);
      expect(await store().getGraph('graph-1', { version: 1 })).toStrictEqual(stored);
      await store().createGraph(graph({ id: 'graph-empty', nodes: [], links: [] }));
      expect(await store().getGraph('graph-empty')).toStrictEqual(
        graph({ id: 'graph-empty', nodes: [], links: [] }),
      );
    });

    it('reads a null webhook_id back as null or absent', async () => {
      const withNull = graph({
        nodes: [{ id: 'n', block_id: 'b', input_default: {}, metadata: {}, webhook_id: null }],
        links: [],
      });
      await store().createGraph(withNull);
      expect((await store().getGraph('graph-1'))?.nodes[0]?.webhook_id ?? null).toBeNull();
    });

    it('rejects a duplicate (id, version) and keeps the first', async () => {
      await store().createGraph(graph());
      await expect(store().createGraph(graph({ name: 'Other' }))).rejects.toMatchObject({ code: 'CONFLICT' });
      expect((await store().getGraph('graph-1'))?.name).toBe('Greeter ✨');
      await store().createGraph(graph({ version: 2 }));
      await store().createGraph(graph({ id: 'graph-2' }));
      expect(await store().listGraphVersions('graph-1')).toHaveLength(2);
    });

    it('returns the highest version by default, whichever is active, and an explicit version on request', async () => {
      for (const version of [1, 3, 2]) {
        await store().createGraph(graph({ version, is_active: version === 1, name: `v${version}` }));
      }
      expect((await store().getGraph('graph-1'))?.version).toBe(3);
      expect((await store().getGraph('graph-1', { version: 2 }))?.name).toBe('v2');
      expect(await store().getGraph('graph-1', { version: 9 })).toBeUndefined();
      expect(await store().getGraph('missing')).toBeUndefined();
    });

    it('filters by owner', async () => {
      await store().createGraph(graph());
      expect((await store().getGraph('graph-1', { userId: ALICE }))?.id).toBe('graph-1');
      expect(await store().getGraph('graph-1', { userId: BOB })).toBeUndefined();
      expect(await store().getGraph('graph-1', { userId: BOB, version: 1 })).toBeUndefined();
      expect(await store().listGraphVersions('graph-1', { userId: BOB })).toEqual([]);
    });

    it('lists every version, highest first, each complete', async () => {
      for (const version of [2, 1, 3]) await store().createGraph(graph({ version }));
      const versions = await store().listGraphVersions('graph-1', { userId: ALICE });
      expect(versions.map((g) => g.version)).toEqual([3, 2, 1]);
      expect(versions[2]).toStrictEqual(graph({ version: 1 }));
      expect(await store().listGraphVersions('missing')).toEqual([]);
    });

    it("lists the active version of each of a user's graphs, newest first", async () => {
      await store().createGraph(graph({ id: 'g1', version: 1, is_active: false, created_at: at(1) }));
      await store().createGraph(graph({ id: 'g1', version: 2, is_active: true, created_at: at(2) }));
      await store().createGraph(graph({ id: 'g1', version: 3, is_active: false, created_at: at(5) }));
      await store().createGraph(graph({ id: 'g2', version: 1, is_active: true, created_at: at(3) }));
      await store().createGraph(graph({ id: 'g3', version: 1, is_active: false, created_at: at(4) }));
      await store().createGraph(
        graph({ id: 'g4', version: 1, is_active: true, created_at: at(6), user_id: BOB }),
      );
      const listed = await store().listGraphs(ALICE);
      expect(listed.map((g) => [g.id, g.version])).toEqual([
        ['g2', 1],
        ['g1', 2],
      ]);
      expect(listed[1]).toStrictEqual(graph({ id: 'g1', version: 2, is_active: true, created_at: at(2) }));
      expect((await store().listGraphs(BOB)).map((g) => g.id)).toEqual(['g4']);
      expect(await store().listGraphs('nobody')).toEqual([]);
    });

    it('makes exactly one version active, and refuses an unknown version', async () => {
      for (const version of [1, 2, 3])
        await store().createGraph(graph({ version, is_active: version === 1 }));
      await store().createGraph(graph({ id: 'graph-2' }));
      expect(await store().setActiveGraphVersion('graph-1', 2)).toBe(true);
      const active = async () =>
        (await store().listGraphVersions('graph-1')).filter((g) => g.is_active).map((g) => g.version);
      expect(await active()).toEqual([2]);
      expect((await store().listGraphs(ALICE)).map((g) => [g.id, g.version])).toEqual([
        ['graph-2', 1],
        ['graph-1', 2],
      ]);
      expect(await store().setActiveGraphVersion('graph-1', 9)).toBe(false);
      expect(await store().setActiveGraphVersion('missing', 1)).toBe(false);
      expect(await active()).toEqual([2]);
      expect((await store().getGraph('graph-2'))?.is_active).toBe(true);
    });

    it('deletes every version, nodes and links included, and counts them', async () => {
      for (const version of [1, 2, 3]) await store().createGraph(graph({ version }));
      await store().createGraph(graph({ id: 'graph-2' }));
      expect(await store().deleteGraph('graph-1')).toBe(3);
      expect(await store().getGraph('graph-1')).toBeUndefined();
      expect(await store().listGraphVersions('graph-1')).toEqual([]);
      expect(await store().deleteGraph('graph-1')).toBe(0);
      expect(await store().getGraph('graph-2')).toStrictEqual(graph({ id: 'graph-2' }));
      await store().createGraph(graph());
      expect(await store().getGraph('graph-1')).toStrictEqual(graph());
    });

    it('copies graphs in and out', async () => {
      const stored = graph();
      await store().createGraph(stored);
      stored.nodes[0]!.input_default.name = 'changed';
      const read = await store().getGraph('graph-1');
      read!.nodes.pop();
      read!.links[0]!.is_static = false;
      expect(await store().getGraph('graph-1')).toStrictEqual(graph());
    });
  });
}
