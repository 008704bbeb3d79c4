/**
 * The kiosk's Electron glue with Electron replaced at the module boundary (as
 * electron/fiddle tests its main process): IPC from anyone but the board's
 * own frame is dropped, navigation, new windows, <webview> and permissions are
 * denied, and app:// serves the build with its CSP and nothing outside it.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { App, IpcMainInvokeEvent, Session, WebContents } from 'electron';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { HelloReply } from '../../../core/host-contract.ts';
import { CONTENT_SECURITY_POLICY } from '../../../core/csp.ts';
import { DEFAULT_SCREEN_STATE } from '../../../core/screen/state.ts';
import { hardenApp, hardenContents, hardenSession } from '../../../electron/hardening.ts';
import { KioskIpc } from '../../../electron/ipc.ts';
import { appResponse, registerAppScheme, serveApp } from '../../../electron/protocol.ts';
import { ROOT, startHub } from '../../hub-screens.ts';
import { APP_ENTRY } from '../../../electron/request-policy.ts';

type Handler = (...args: never[]) => unknown;

const electron = vi.hoisted(() => {
  const ipcHandlers = new Map<string, Handler>();
  const protocolHandlers = new Map<string, Handler>();
  const schemes: { scheme: string; privileges: object }[] = [];
  return {
    ipcHandlers,
    protocolHandlers,
    schemes,
    module: {
      ipcMain: { handle: (channel: string, handler: Handler) => ipcHandlers.set(channel, handler) },
      protocol: {
        registerSchemesAsPrivileged: (list: typeof schemes) => schemes.push(...list),
        handle: (scheme: string, handler: Handler) => protocolHandlers.set(scheme, handler),
      },
    },
  };
});
vi.mock('electron', () => electron.module);

/** A stand-in for an Electron object that keeps the listeners it is given, so the test can fire its events. */
function emitter() {
  const listeners = new Map<string, Handler[]>();
  return {
    on(name: string, listener: Handler) {
      listeners.set(name, [...(listeners.get(name) ?? []), listener]);
      return this;
    },
    emit(name: string, ...args: unknown[]) {
      for (const listener of listeners.get(name) ?? []) (listener as (...a: unknown[]) => unknown)(...args);
    },
  };
}

function fakeContents(id = 1, url = APP_ENTRY) {
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = {
    ...emitter(),
    id,
    url,
    sent: [] as [string, unknown][],
    isDestroyed: () => false,
    getURL: () => contents.url,
    send: (channel: string, payload: unknown) => contents.sent.push([channel, payload]),
    setWindowOpenHandler: (handler: typeof openHandler) => (openHandler = handler),
    open: (url: string) => openHandler!({ url }),
  };
  return contents;
}

function event(): { prevented: boolean; preventDefault(): void } {
  return {
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
  };
}

const reply: HelloReply = {
  program: null,
  state: DEFAULT_SCREEN_STATE,
};

describe('IPC (checklist #17: validate the sender of all IPC messages)', () => {
  const board = fakeContents(1);
  const logs: string[] = [];
  const ipc = new KioskIpc(
    () => board as unknown as WebContents,
    (line) => logs.push(line),
  );
  let asked = 0;
  ipc.handle('foyer:hello', () => {
    asked++;
    return reply;
  });
  const invoke = (sender: { id: number }, frame: { url: string; parent: object | null } | null) =>
    (electron.ipcHandlers.get('foyer:hello') as (e: IpcMainInvokeEvent) => unknown)({
      sender,
      senderFrame: frame,
    } as unknown as IpcMainInvokeEvent);

  it("answers the board's own top frame showing the app", () => {
    expect(invoke({ id: 1 }, { url: APP_ENTRY, parent: null })).toEqual(reply);
    expect(asked).toBe(1);
  });

  it('drops a request from another window, a subframe, a foreign page or a closed frame, and logs it', () => {
    const strangers = [
      [{ id: 2 }, { url: APP_ENTRY, parent: null }],
      [{ id: 1 }, { url: APP_ENTRY, parent: {} }],
      [{ id: 1 }, { url: 'https://evil.example/', parent: null }],
      [{ id: 1 }, null],
    ] as const;
    for (const [sender, frame] of strangers) expect(() => invoke(sender, frame)).toThrow('not allowed');
    expect(asked).toBe(1);
    expect(logs).toEqual([
      `ignored foyer:hello from ${APP_ENTRY}`,
      `ignored foyer:hello from ${APP_ENTRY}`,
      'ignored foyer:hello from https://evil.example/',
      'ignored foyer:hello from a closed frame',
    ]);
  });

  it('pushes to the board only while it shows the app', () => {
    ipc.push('foyer:state', DEFAULT_SCREEN_STATE);
    board.url = 'https://evil.example/';
    ipc.push('foyer:state', { ...DEFAULT_SCREEN_STATE, emergency: true });
    board.url = APP_ENTRY;
    expect(board.sent).toEqual([['foyer:state', DEFAULT_SCREEN_STATE]]);
    new KioskIpc(
      () => null,
      () => {},
    ).push('foyer:state', DEFAULT_SCREEN_STATE);
  });
});

describe('hardening', () => {
  const logs: string[] = [];
  const log = (line: string) => logs.push(line);

  it('#13: no navigation or redirect away from the app; a reload of itself is fine', () => {
    const contents = fakeContents();
    hardenContents(contents as unknown as WebContents, log);
    for (const name of ['will-navigate', 'will-redirect']) {
      const away = event();
      contents.emit(name, away, 'https://evil.example/');
      expect(away.prevented, name).toBe(true);
      const home = event();
      contents.emit(name, home, APP_ENTRY);
      expect(home.prevented, name).toBe(false);
    }
    expect(logs).toContain('blocked navigation to https://evil.example/');
  });

  it('#14 and #12: every new window and every <webview> is refused, for any webContents the app creates', () => {
    const app = emitter();
    hardenApp(app as unknown as App, log);
    const later = fakeContents(9);
    app.emit('web-contents-created', {}, later);
    expect(later.open('https://evil.example/popup')).toEqual({ action: 'deny' });
    const webview = event();
    later.emit('will-attach-webview', webview);
    expect(webview.prevented).toBe(true);
  });

  it('#5: permission requests and checks are denied; #1: only the app and the program are fetched', () => {
    const session = {
      permissionRequest: null as null | Handler,
      permissionCheck: null as null | Handler,
      beforeRequest: null as null | Handler,
      setPermissionRequestHandler(h: Handler) {
        this.permissionRequest = h;
      },
      setPermissionCheckHandler(h: Handler) {
        this.permissionCheck = h;
      },
      webRequest: { onBeforeRequest: (h: Handler) => (session.beforeRequest = h) },
    };
    hardenSession(
      session as unknown as Session,
      { programUrl: 'https://example.org/p.json', imageUrls: new Set(), devtools: false },
      log,
    );
    const answers: boolean[] = [];
    (session.permissionRequest as (...a: unknown[]) => void)({}, 'media', (ok: boolean) => answers.push(ok));
    expect(answers).toEqual([false]);
    expect((session.permissionCheck as (...a: unknown[]) => boolean)({}, 'geolocation')).toBe(false);
    const decide = (url: string, resourceType = 'xhr') => {
      let cancel: boolean | undefined;
      (session.beforeRequest as (...a: unknown[]) => void)(
        { url, resourceType },
        (r: { cancel: boolean }) => (cancel = r.cancel),
      );
      return cancel;
    };
    expect(decide(APP_ENTRY, 'mainFrame')).toBe(false);
    expect(decide('https://example.org/p.json')).toBe(false);
    expect(decide('https://tracker.example/pixel.gif', 'image')).toBe(true);
    expect(logs).toContain(
      'blocked a image request to https://tracker.example/pixel.gif: https://tracker.example is not the app or the program source',
    );
  });
});

describe('app:// (checklist #18: a custom protocol; #7: a CSP on every response)', () => {
  const root = mkdtempSync(join(tmpdir(), 'foyer-app-'));
  const rendererDir = join(root, 'renderer');
  const programDir = join(root, 'program');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  mkdirSync(programDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(rendererDir, 'assets', 'board.js'), 'export {};');
  writeFileSync(join(root, 'secret.txt'), 'not for the board');
  writeFileSync(join(programDir, 'logo.png'), 'png');
  writeFileSync(join(programDir, 'program.json'), '{}');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  registerAppScheme();
  serveApp({ rendererDir, programDir, namedFiles: () => new Set(['logo.png']) });
  const handler = electron.protocolHandlers.get('app') as (request: Pick<Request, 'url' | 'method'>) => Promise<Response>;

  it('is registered as a standard, secure scheme before the app is ready', () => {
    expect(electron.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('serves the build, with the one CSP and its type', async () => {
    const page = await handler(new Request('app://foyer/'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<div id="root">');
    const script = await handler(new Request('app://foyer/assets/board.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await handler(new Request('app://foyer/program-files/logo.png'))).status).toBe(200);
  });

  it('refuses what is outside the build, other hosts, other methods and the program file itself, with the CSP still on', async () => {
    const refused = [
      { url: 'app://foyer/../secret.txt', method: 'GET' },
      { url: 'app://foyer/%2e%2e/secret.txt', method: 'GET' },
      { url: 'app://foyer/assets/..%2f..%2fsecret.txt', method: 'GET' },
      { url: 'app://foyer/program-files/..%2f..%2fsecret.txt', method: 'GET' },
      { url: 'app://foyer/program-files/program.json', method: 'GET' },
      { url: 'app://evil/index.html', method: 'GET' },
      { url: 'app://foyer/index.html', method: 'POST' },
      { url: 'app://foyer/assets', method: 'GET' },
    ];
    for (const request of refused) {
      const response = await appResponse(request, { rendererDir, programDir });
      expect(response.status, request.url).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await response.text()).not.toContain('not for the board');
    }
  });

  it('with a hub, the program’s images come from the hub’s /program-files/, fetched by main; nothing else does', async () => {
    const seed = JSON.parse(readFileSync(join(ROOT, 'data', 'program.json'), 'utf8')) as { event: object };
    const hub = await startHub({ ...seed, event: { ...seed.event, logo: 'logo.png' } });
    try {
      writeFileSync(join(hub.programFile, '..', 'logo.png'), 'png');
      writeFileSync(join(hub.programFile, '..', 'notes.txt'), 'private');
      const folders = { rendererDir, programDir: null, hubUrl: hub.url };
      const logo = await appResponse({ url: 'app://foyer/program-files/logo.png', method: 'GET' }, folders);
      expect(logo.status).toBe(200);
      expect(logo.headers.get('content-type')).toBe('image/png');
      expect(await logo.text()).toBe('png');
      expect(logo.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      for (const url of ['app://foyer/program-files/notes.txt', 'app://foyer/program-files/..%2fstate%2flive.json'])
        expect((await appResponse({ url, method: 'GET' }, folders)).status, url).toBe(404);
    } finally {
      await hub.close();
    }
  });

  it('an image from a "hub" larger than a program may be is refused, not read into memory', async () => {
    // An endless image: read whole, it would fill memory until the 15 s timeout.
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' });
      const chunk = Buffer.alloc(1 << 20);
      const more = (): void => void (res.write(chunk) ? setImmediate(more) : res.once('drain', more));
      more();
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    try {
      const hubUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      const started = Date.now();
      const answer = await appResponse(
        { url: 'app://foyer/program-files/logo.png', method: 'GET' },
        { rendererDir, programDir: null, hubUrl },
      );
      expect(answer.status).toBe(404);
      // Cut off at the 20 MB cap, long before the timeout.
      expect(Date.now() - started).toBeLessThan(8_000);
    } finally {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    }
  });
});
