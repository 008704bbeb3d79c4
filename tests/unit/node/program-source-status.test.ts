/**
 * A source that re-reads an unchanged program (a URL answering 304 every
 * minute, a file saved without changes) only moves the status: screens get a
 * status event of a few bytes, keep their program object and all they compiled
 * from it, and a kiosk on the hub neither validates nor saves the program again.
 * Real hub, real files, real HTTP on 127.0.0.1.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProgramStatus, ProgramUpdate } from '../../../core/host-contract.ts';
import { EventStreamParser } from '../../../core/hub/rules/sse.ts';
import { HubClient } from '../../../core/hub-client/node-transport.ts';
import { DEFAULT_SCREEN_STATE } from '../../../core/screen/state.ts';
import { createBrowserHost } from '../../../renderer/src/host/browser-host.ts';
import { nodeBrowserIo, startHub, until, type TestHub } from '../../hub-screens.ts';

let hub: TestHub | null = null;
const cleanUps: (() => void)[] = [];
afterEach(async () => {
  for (const cleanUp of cleanUps.splice(0)) cleanUp();
  await hub?.close();
  hub = null;
});

/** Every event type the hub sends one screen, in order. */
function eventTypes(base: string): string[] {
  const types: string[] = [];
  const abort = new AbortController();
  void fetch(`${base}/api/events?screen=probe`, { signal: abort.signal })
    .then(async (response) => {
      const parser = new EventStreamParser((e) => types.push(e.event));
      const decoder = new TextDecoder();
      for await (const chunk of response.body as AsyncIterable<Uint8Array>) parser.push(decoder.decode(chunk, { stream: true }));
    })
    .catch(() => {});
  cleanUps.push(() => abort.abort());
  return types;
}

/** Saves the program file again, byte for byte, with a newer modification time. */
function saveUnchanged(file: string): void {
  const text = readFileSync(file, 'utf8');
  const before = statSync(file).mtimeMs;
  writeFileSync(file, text);
  expect(statSync(file).mtimeMs).toBeGreaterThanOrEqual(before);
}

describe('an unchanged program moves only the status', () => {
  it('on the wire, and in the browser host: the same program object, a new status', async () => {
    hub = await startHub();
    const types = eventTypes(hub.base);
    const host = createBrowserHost(
      { ...DEFAULT_SCREEN_STATE },
      { version: 'test', clock: { at: null, speed: 1, realStart: Date.now() } },
      { id: 'web-status', token: null },
      nodeBrowserIo(hub.base, new EventTarget()),
    );
    const programs: ProgramUpdate[] = [];
    const statuses: ProgramStatus[] = [];
    host.onProgram((update) => programs.push(update));
    host.onStatus((status) => statuses.push(status));
    await until(() => programs.length === 1 && types.includes('program'), 'the first program');

    saveUnchanged(hub.programFile);
    await until(() => statuses.length === 1, 'the status of the re-read program');
    expect(types.filter((t) => t === 'program')).toHaveLength(1);
    expect(types).toContain('status');
    expect(programs).toHaveLength(1);
    expect(statuses[0]!.updatedAt).toBeGreaterThanOrEqual(programs[0]!.status.updatedAt);

    // A real change is a program again.
    const changed = JSON.parse(readFileSync(hub.programFile, 'utf8')) as { event: { name: string } };
    changed.event.name = 'Symposium, day plan revised';
    writeFileSync(hub.programFile, JSON.stringify(changed));
    await until(() => programs.length === 2, 'the changed program');
    expect(programs[1]!.program.event.name).toBe('Symposium, day plan revised');
    expect(types.filter((t) => t === 'program')).toHaveLength(2);
  });

  it('a kiosk on the hub keeps its program object and does not save it again', async () => {
    hub = await startHub();
    const cacheDir = mkdtempSync(join(tmpdir(), 'foyer-status-'));
    cleanUps.push(() => rmSync(cacheDir, { recursive: true, force: true }));
    const kiosk = new HubClient({
      url: hub.url,
      token: null,
      screen: () => ({ id: 'kiosk', name: 'Kiosk' }),
      cacheDir,
      log: () => {},
    });
    cleanUps.push(() => kiosk.stop());
    const updates: ProgramUpdate[] = [];
    kiosk.subscribe((update) => updates.push(update));
    kiosk.start();
    await until(() => updates.length >= 1, 'the program from the hub');
    // Where the client keeps the hub's program for an offline start.
    const cache = join(cacheDir, 'hub-program.json');
    await until(() => existsSync(cache), 'the program cache');
    const saved = statSync(cache).mtimeMs;

    saveUnchanged(hub.programFile);
    await until(() => updates.length >= 2, 'the status from the hub');
    const last = updates.at(-1)!;
    expect(last.program).toBe(updates[0]!.program);
    expect(last.status.updatedAt).toBeGreaterThanOrEqual(updates[0]!.status.updatedAt);
    expect(statSync(cache).mtimeMs).toBe(saved);
  });
});
