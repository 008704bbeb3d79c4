/**
 * The two ways a screen reaches its hub, for the shared suite: the kiosk's
 * (core/hub-client/node-transport.ts, fetch in Node) and the browser's
 * (renderer/src/host/hub-transport.ts, EventSource) in Debian's Chromium,
 * which loads the harness from the hub itself, so that its EventSource is
 * same-origin as a board's is.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser } from '@playwright/test';
import type { ScreenFacts } from '../../../core/hub-client/session.ts';
import { nodeTransport } from '../../../core/hub-client/node-transport.ts';
import type { SharedContext } from '../../../core/screen/reducers.ts';
import type { Command } from '../../../core/screen/state.ts';
import { ROOT } from '../../hub-screens.ts';
import { startScreen, type ScreenSetup, type Snapshot } from './screen-harness.ts';

export interface ScreenUnderTest {
  snapshot(): Promise<Snapshot>;
  send(command: Command, at: SharedContext): Promise<string | null>;
  reportHeartbeats(facts: ScreenFacts): Promise<void>;
  stop(): Promise<void>;
}

export interface Transport {
  name: string;
  /** What screens of this kind call themselves in a heartbeat. */
  host: ScreenSetup['host'];
  /** The folder a hub serves as its board: the page the browser screens load. */
  pageDir: string;
  setUp(): Promise<void>;
  tearDown(): Promise<void>;
  /** A screen on the hub at `base`. */
  open(base: string, setup: Omit<ScreenSetup, 'host'>): Promise<ScreenUnderTest>;
}

export function nodeFetch(): Transport {
  return {
    name: 'Node fetch (kiosk)',
    host: 'electron',
    pageDir: join(ROOT, 'out', 'renderer'),
    setUp: async () => {},
    tearDown: async () => {},
    async open(base, setup) {
      const screen = startScreen(nodeTransport(base), { ...setup, host: 'electron' });
      return {
        snapshot: async () => screen.snapshot(),
        send: (command, at) => screen.send(command, at),
        reportHeartbeats: async (facts) => screen.reportHeartbeats(facts),
        stop: async () => screen.stop(),
      };
    },
  };
}

export function chromiumEventSource(): Transport {
  let browser: Browser | null = null;
  const transport: Transport = {
    name: 'EventSource in Chromium (browser board)',
    host: 'web',
    pageDir: '',
    async setUp() {
      transport.pageDir = mkdtempSync(join(tmpdir(), 'foyer-hub-page-'));
      const bundle = await build({
        entryPoints: [new URL('./page-entry.ts', import.meta.url).pathname],
        bundle: true,
        format: 'iife',
        target: 'chrome120',
        write: false,
      });
      writeFileSync(join(transport.pageDir, 'hub-screen.js'), bundle.outputFiles[0]!.contents);
      writeFileSync(
        join(transport.pageDir, 'index.html'),
        '<!doctype html><html><head><title>hub screen</title><script src="/hub-screen.js"></script></head><body></body></html>',
      );
      browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
    },
    async tearDown() {
      await browser?.close();
      rmSync(transport.pageDir, { recursive: true, force: true });
    },
    async open(base, setup) {
      const page = await browser!.newPage();
      await page.goto(`${base}/`);
      await page.evaluate((s) => window.hubScreen.start(s), { ...setup, host: 'web' as const });
      return {
        snapshot: () => page.evaluate(() => window.hubScreen.screen!.snapshot()),
        send: (command, at) => page.evaluate(([c, a]) => window.hubScreen.screen!.send(c, a), [command, at] as const),
        reportHeartbeats: (facts) => page.evaluate((f) => window.hubScreen.screen!.reportHeartbeats(f), facts),
        stop: async () => {
          await page.evaluate(() => window.hubScreen.screen!.stop()).catch(() => {});
          await page.close();
        },
      };
    },
  };
  return transport;
}
