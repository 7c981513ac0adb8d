// The APQ store is bounded by what its entries cost, keys included, and by their number: a flood
// of tiny texts under distinct hashes does not grow it without end.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPersistedQueries } from '../../api/src/http/fast.ts';

const key = (i: number) => `apq:${createHash('sha256').update(String(i)).digest('hex')}`;

describe('createPersistedQueries', () => {
  it('counts each key and an overhead toward the bound: tiny texts do not all fit', async () => {
    // 68 characters of key, 1 of text and about 100 of overhead: five entries in 1,000.
    const store = createPersistedQueries(1000);
    for (let i = 0; i < 100; i++) await store.set(key(i), '{');
    const kept = [];
    for (let i = 0; i < 100; i++) if ((await store.get(key(i))) !== undefined) kept.push(i);
    expect(kept).toEqual([95, 96, 97, 98, 99]);
  });

  it('keeps at most 10,000 entries, the newest', async () => {
    const store = createPersistedQueries();
    for (let i = 0; i < 10_050; i++) await store.set(key(i), '{ a }');
    expect(await store.get(key(49))).toBeUndefined();
    expect(await store.get(key(50))).toBe('{ a }');
    expect(store.text(key(10_049).slice(4))).toBe('{ a }');
  });

  it('still keeps texts up to the bound, and replaces a key in place', async () => {
    const store = createPersistedQueries(1000);
    await store.set(key(1), 'x'.repeat(700));
    await store.set(key(1), 'y'.repeat(700));
    expect(await store.get(key(1))).toBe('y'.repeat(700));
    await store.set(key(2), 'z'.repeat(500));
    expect(await store.get(key(1))).toBeUndefined();
    expect(await store.get(key(2))).toBe('z'.repeat(500));
    // One that alone costs more than the bound is not kept (and pushes nothing out).
    await store.set(key(3), 'w'.repeat(900));
    expect(await store.get(key(3))).toBeUndefined();
    expect(await store.get(key(2))).toBe('z'.repeat(500));
  });
});
