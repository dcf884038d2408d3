import { describe, expect, it } from 'vitest';
import type { Store } from '../../ports/store';
import { ALICE, BOB, tricky } from './fixtures';

export function describeBlockValueContract(store: () => Store): void {
  describe('block values', () => {
    const at = { userId: ALICE, namespace: 'graph:g1', key: 'counter' };

    it('reads undefined for a key never set, then what was set, then what replaced it', async () => {
      expect(await store().getBlockValue(at)).toBeUndefined();
      await store().setBlockValue(at, 1);
      expect(await store().getBlockValue(at)).toBe(1);
      await store().setBlockValue(at, tricky);
      expect(await store().getBlockValue(at)).toStrictEqual(tricky);
    });

    it('keeps users, namespaces and keys apart', async () => {
      await store().setBlockValue(at, 'alice-g1');
      await store().setBlockValue({ ...at, namespace: 'graph:g2' }, 'alice-g2');
      await store().setBlockValue({ ...at, userId: BOB }, 'bob-g1');
      await store().setBlockValue({ ...at, key: 'other' }, 'other-key');
      expect(await store().getBlockValue(at)).toBe('alice-g1');
      expect(await store().getBlockValue({ ...at, namespace: 'graph:g2' })).toBe('alice-g2');
      expect(await store().getBlockValue({ ...at, userId: BOB })).toBe('bob-g1');
      expect(await store().getBlockValue({ ...at, key: 'other' })).toBe('other-key');
    });

    it('stores null, false, 0 and "" as themselves, and undefined as null', async () => {
      for (const value of [null, false, 0, '']) {
        await store().setBlockValue(at, value);
        expect(await store().getBlockValue(at)).toBe(value);
      }
      await store().setBlockValue(at, undefined);
      expect(await store().getBlockValue(at)).toBeNull();
    });

    it('hands out copies: changing what was read does not change what is stored', async () => {
      await store().setBlockValue(at, { list: [1] });
      const read = (await store().getBlockValue(at)) as { list: number[] };
      read.list.push(2);
      expect(await store().getBlockValue(at)).toStrictEqual({ list: [1] });
    });
  });
}
