/**
 * Each browser tab is its own screen (renderer/src/host/screen-identity.ts): its id and secret live in the tab's
 * session storage, and a tab the browser duplicated (storage copied) takes an id of its own. The tabs' channel is
 * Node's BroadcastChannel, the same API a browser's tabs share.
 */
import { BroadcastChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { keepIdOwn, screenIdOf, secretPlaceOf, type TabChannel } from '../../../renderer/src/host/screen-identity.ts';

function storage(from: Map<string, string> = new Map()) {
  const items = new Map(from);
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

const channels: BroadcastChannel[] = [];
function channel(): TabChannel {
  const c = new BroadcastChannel('foyer.screen-ids');
  channels.push(c);
  return c as unknown as TabChannel;
}
afterEach(() => {
  for (const c of channels.splice(0)) c.close();
});

const settle = () => new Promise((r) => setTimeout(r, 100));
let n = 0;
const bytes = (count: number) => new Uint8Array(count).fill(++n);

describe('each tab its own screen', () => {
  it('a duplicated tab (its storage copied) forgets the id and secret and starts again; the first tab keeps them', async () => {
    const first = storage();
    const id = screenIdOf(first, bytes);
    secretPlaceOf(first).write('the-hub-secret-for-this-id');
    const renewed: string[] = [];
    keepIdOwn(id, first, () => renewed.push('first'), channel());
    // Another tab, another screen: no answer to it.
    const other = storage();
    keepIdOwn(screenIdOf(other, bytes), other, () => renewed.push('other'), channel());
    await settle();
    expect(renewed).toEqual([]);

    const copy = storage(first.items);
    expect(screenIdOf(copy, bytes)).toBe(id);
    keepIdOwn(id, copy, () => renewed.push('copy'), channel());
    await settle();
    expect(renewed).toEqual(['copy']);
    expect(copy.items.size).toBe(0);
    // Started again (the page reloads): an id of its own, and no secret until the hub gives it one.
    expect(screenIdOf(copy, bytes)).not.toBe(id);
    expect(secretPlaceOf(copy).read()).toBeNull();
    expect(screenIdOf(first, bytes)).toBe(id);
    expect(secretPlaceOf(first).read()).toBe('the-hub-secret-for-this-id');
  });

  it('a reload of the only tab keeps its id: no one answers', async () => {
    const tab = storage();
    const id = screenIdOf(tab, bytes);
    const renewed: string[] = [];
    keepIdOwn(id, tab, () => renewed.push('tab'), channel());
    await settle();
    expect(renewed).toEqual([]);
    expect(screenIdOf(tab, bytes)).toBe(id);
  });
});
