/**
 * A small DevTools-protocol client for old Chromium (77+), which predates what Playwright speaks. It talks over
 * --remote-debugging-pipe (file descriptors 3 and 4, JSON messages ending in a NUL byte), so no WebSocket is
 * needed, and drives one page in a flat session: navigate, evaluate, screenshot, and every console error and
 * uncaught exception collected for the test to assert on.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import ts from 'typescript';
import type { UnpackedEngine } from './old-chromium.ts';

interface Message {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { message: string };
  sessionId?: string;
}

type Listener = (params: Record<string, unknown>) => void;

export class Browser {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (r: Record<string, unknown>) => void; reject: (e: Error) => void; method: string }
  >();
  private readonly listeners = new Map<string, Listener[]>();
  private buffer = '';
  readonly stderr: string[] = [];
  private readonly exited: Promise<void>;

  private constructor(
    private readonly child: ChildProcess,
    private readonly profile: string,
  ) {
    const input = child.stdio[4] as Readable;
    input.setEncoding('utf8');
    input.on('data', (chunk: string) => {
      this.buffer += chunk;
      let end = this.buffer.indexOf('\0');
      while (end >= 0) {
        this.dispatch(JSON.parse(this.buffer.slice(0, end)) as Message);
        this.buffer = this.buffer.slice(end + 1);
        end = this.buffer.indexOf('\0');
      }
    });
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => this.stderr.push(chunk));
    this.exited = new Promise((resolve) =>
      child.once('exit', () => {
        for (const { reject, method } of this.pending.values()) reject(new Error(`the browser exited during ${method}`));
        this.pending.clear();
        resolve();
      }),
    );
  }

  static async launch(engine: UnpackedEngine, size: { width: number; height: number }): Promise<Browser> {
    const profile = mkdtempSync(join(tmpdir(), 'foyer-old-chromium-'));
    const child = spawn(
      engine.executable,
      [
        '--headless',
        '--remote-debugging-pipe',
        `--user-data-dir=${profile}`,
        '--no-sandbox',
        '--no-zygote',
        '--use-gl=swiftshader',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--hide-scrollbars',
        '--mute-audio',
        `--window-size=${size.width},${size.height}`,
        'about:blank',
      ],
      { env: engine.env, stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
    );
    const browser = new Browser(child, profile);
    await browser.send('Browser.getVersion');
    return browser;
  }

  private dispatch(message: Message): void {
    if (message.id !== undefined) {
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (!waiting) return;
      if (message.error) waiting.reject(new Error(`${waiting.method}: ${message.error.message}`));
      else waiting.resolve(message.result ?? {});
      return;
    }
    const key = `${message.sessionId ?? ''}:${message.method}`;
    for (const listener of this.listeners.get(key) ?? []) listener(message.params ?? {});
  }

  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    const out = this.child.stdio[3] as Writable;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, method });
      out.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  }

  on(sessionId: string, method: string, listener: Listener): void {
    const key = `${sessionId}:${method}`;
    this.listeners.set(key, [...(this.listeners.get(key) ?? []), listener]);
  }

  /** The browser's process id: its renderers are its descendants (the bench reads their memory from /proc). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  async version(): Promise<string> {
    return String((await this.send('Browser.getVersion')).product);
  }

  async newPage(size: { width: number; height: number }): Promise<Page> {
    const { targetId } = await this.send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await this.send('Target.attachToTarget', { targetId, flatten: true });
    const page = new Page(this, String(sessionId), String(targetId));
    await page.start(size);
    return page;
  }

  async close(): Promise<void> {
    this.send('Browser.close').catch(() => {});
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
    await this.exited;
    clearTimeout(timer);
    rmSync(this.profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
}

export class Page {
  /** Console errors and warnings, uncaught exceptions and the browser's own log errors (CSP, network), as text. */
  readonly errors: string[] = [];
  /** Every console line, for a failure's message. */
  readonly console: string[] = [];

  constructor(
    private readonly browser: Browser,
    private readonly session: string,
    readonly targetId: string,
  ) {}

  send(method: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    return this.browser.send(method, params, this.session);
  }

  async start(size: { width: number; height: number }): Promise<void> {
    this.browser.on(this.session, 'Runtime.consoleAPICalled', (p) => {
      const args = (p.args as { value?: unknown; description?: string }[]).map((a) => String(a.value ?? a.description ?? ''));
      const line = `console.${String(p.type)}: ${args.join(' ')}`;
      this.console.push(line);
      if (p.type === 'error' || p.type === 'assert') this.errors.push(line);
    });
    this.browser.on(this.session, 'Runtime.exceptionThrown', (p) => {
      const details = p.exceptionDetails as { text: string; exception?: { description?: string } };
      this.errors.push(`uncaught: ${details.exception?.description ?? details.text}`);
    });
    this.browser.on(this.session, 'Log.entryAdded', (p) => {
      const entry = p.entry as { level: string; text: string; url?: string };
      this.console.push(`log.${entry.level}: ${entry.text}`);
      if (entry.level === 'error') this.errors.push(`${entry.text}${entry.url ? ` (${entry.url})` : ''}`);
    });
    await Promise.all([this.send('Runtime.enable'), this.send('Log.enable'), this.send('Page.enable')]);
    await this.resize(size);
  }

  async resize(size: { width: number; height: number }): Promise<void> {
    await this.send('Emulation.setDeviceMetricsOverride', { ...size, deviceScaleFactor: 1, mobile: false });
  }

  async goto(url: string): Promise<void> {
    const { errorText } = await this.send('Page.navigate', { url });
    if (errorText) throw new Error(`navigating to ${url}: ${String(errorText)}`);
  }

  /** Evaluates `expression` in the page (awaiting a promise), returning its value. */
  async evaluate<T>(expression: string): Promise<T> {
    const { result, exceptionDetails } = (await this.send('Runtime.evaluate', {
      expression,
      awaitPromise: true,
      returnByValue: true,
    })) as { result: { value?: T }; exceptionDetails?: { text: string; exception?: { description?: string } } };
    if (exceptionDetails) throw new Error(`in the page: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as T;
  }

  /** An expression lowered to ES2017, for the oldest engine. */
  lowered(expression: string): string {
    return ts
      .transpileModule(expression, { compilerOptions: { target: ts.ScriptTarget.ES2017, removeComments: true } })
      .outputText.replace(/^"use strict";/, '')
      .trim()
      .replace(/;$/, '');
  }

  /**
   * Calls `fn` with `arg` in the page: its source, lowered to ES2017 (what the oldest engine parses), so the
   * e2e suite's own in-page checks run here unchanged. `fn` must be self-contained.
   */
  call<T, A>(fn: (arg: A) => T, arg: A): Promise<Awaited<T>> {
    return this.evaluate(this.lowered(`(${fn.toString()})(${JSON.stringify(arg) ?? ''})`));
  }

  /** Waits until `expression` is truthy in the page, or fails with `what` and the page's console. */
  async until(expression: string, what: string, ms = 15_000): Promise<void> {
    const end = Date.now() + ms;
    for (;;) {
      if (await this.evaluate<boolean>(`Boolean(${expression})`).catch(() => false)) return;
      if (Date.now() > end)
        throw new Error(`timed out waiting for ${what}\nerrors: ${this.errors.join('\n')}\nconsole: ${this.console.join('\n')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async close(): Promise<void> {
    await this.browser.send('Target.closeTarget', { targetId: this.targetId });
  }

  async screenshot(): Promise<Buffer> {
    const { data } = await this.send('Page.captureScreenshot', { format: 'png' });
    return Buffer.from(String(data), 'base64');
  }
}
