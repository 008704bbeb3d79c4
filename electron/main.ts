/**
 * The kiosk: one locked-down fullscreen window showing the board, fed by the
 * program source and steered by staff hotkeys. Everything that can be decided
 * without Electron lives in the small modules beside this one (and is tested
 * there); this file only wires them to Electron.
 */
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  app,
  BrowserWindow,
  ipcMain,
  Menu,
  powerSaveBlocker,
  protocol,
  screen,
  session,
  type IpcMainEvent,
  type IpcMainInvokeEvent,
  type WebContents,
} from 'electron';
import { IPC, type HelloReply, type HostInfo, type ProgramUpdate } from '../core/contract.ts';
import { ProgramSource } from '../core/node/program-source.ts';
import { isHttpUrl } from '../core/url.ts';
import { StateStore } from '../core/node/state-store.ts';
import { LIVE_CLOCK } from '../core/screen/clock.ts';
import { DEFAULT_SCREEN_STATE, type ScreenState } from '../core/screen/state.ts';
import { CONTENT_SECURITY_POLICY } from '../core/csp.ts';
import { contentTypeOf, fileForAppUrl } from './app-files.ts';
import { chooseDisplay } from './display-choice.ts';
import { KIOSK_USAGE, parseKioskArgs, type KioskOptions } from './options.ts';
import { RecoveryPolicy } from './recovery.ts';
import {
  APP_ENTRY,
  APP_SCHEME,
  decideRequest,
  isAllowedNavigation,
  isTrustedSender,
  programImageUrls,
  type RequestPolicy,
} from './request-policy.ts';
import { parseCommand, ScreenController, type Effect } from './screen-controller.ts';

function log(line: string): void {
  console.log(`${new Date().toISOString()} foyer: ${line}`);
}

// Must happen before 'ready': a standard, secure scheme gets an origin, CSP and fetch like https.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

const HIDE_CURSOR = '* { cursor: none !important; }';
const HANG_GRACE_MS = 10_000;

let window: BrowserWindow | null = null;
let quitting = false;

function start(options: KioskOptions): void {
  const appRoot = app.getAppPath();
  const rendererDir = join(appRoot, 'out', 'renderer');
  const preload = join(appRoot, 'out', 'electron', 'preload.cjs');
  const embedded = app.isPackaged ? join(process.resourcesPath, 'data', 'program.json') : join(appRoot, 'data', 'program.json');
  if (process.env.FOYER_USER_DATA_DIR) app.setPath('userData', process.env.FOYER_USER_DATA_DIR);
  const userData = app.getPath('userData');
  const devtools = options.devtools && !app.isPackaged;
  if (options.devtools && app.isPackaged) log('--devtools is refused in the installed app');
  const info: HostInfo = { version: app.getVersion(), host: 'electron', clock: { ...LIVE_CLOCK, realStart: Date.now() } };

  const store = new StateStore(join(userData, 'screen-state.json'), log);
  const saved = store.load(DEFAULT_SCREEN_STATE);
  // Flags are the technician's standing configuration: they win over what staff last chose.
  const initial: ScreenState = {
    ...saved,
    ...(options.screenName !== null ? { name: options.screenName } : {}),
    ...(options.room !== null ? { room: options.room } : {}),
    ...(options.view !== null ? { view: options.view } : {}),
  };

  const send = (channel: string, payload: unknown): void => {
    if (window !== null && !window.isDestroyed() && !window.webContents.isDestroyed()) window.webContents.send(channel, payload);
  };

  const controller = new ScreenController(initial, {
    save: (state) => store.save(state),
    changed: (state) => send(IPC.state, state),
    now: () => Date.now(),
    log,
  });

  const location = options.program ?? embedded;
  const programDir = isHttpUrl(location) ? null : dirname(resolve(location));
  const source = new ProgramSource({
    location,
    ...(options.program === null ? { displayName: 'embedded program' } : {}),
    ...(options.timezone !== null ? { timezone: options.timezone } : {}),
    ...(options.pollSeconds !== null ? { pollIntervalMs: options.pollSeconds * 1000 } : {}),
    cacheFile: join(userData, 'program-cache.json'),
    log,
  });

  const policy: RequestPolicy = { programUrl: isHttpUrl(location) ? location : null, imageUrls: new Set(), devtools };
  const onProgram = (update: ProgramUpdate): void => {
    controller.setProgram(update.program);
    policy.imageUrls = programImageUrls(update.program);
    const room = controller.state.room;
    if (room !== null && !update.program.rooms.some((r) => r.id === room))
      log(`room "${room}" is not in the program; the board shows all rooms`);
    send(IPC.program, update);
  };
  source.subscribe(onProgram);

  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`denied a permission request: ${permission}`);
    callback(false);
  });
  ses.setPermissionCheckHandler(() => false);
  const reported = new Set<string>();
  ses.webRequest.onBeforeRequest((details, callback) => {
    const decision = decideRequest(details.url, details.resourceType, policy);
    if (!decision.allow && !reported.has(details.url)) {
      reported.add(details.url);
      log(`blocked a ${details.resourceType} request to ${details.url.slice(0, 200)}: ${decision.reason}`);
    }
    callback({ cancel: !decision.allow });
  });

  protocol.handle(APP_SCHEME, async (request) => {
    const headers = {
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
    };
    const file = request.method === 'GET' ? fileForAppUrl(request.url, { rendererDir, programDir }) : null;
    if (file !== null) {
      try {
        return new Response(await readFile(file), { status: 200, headers: { ...headers, 'content-type': contentTypeOf(file) } });
      } catch {
        // Falls through to 404.
      }
    }
    return new Response('Not found', { status: 404, headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' } });
  });
  if (!existsSync(join(rendererDir, 'index.html')))
    log(`the board is not built (${rendererDir} is missing): run npm run build:renderer`);

  const trusted = (event: IpcMainEvent | IpcMainInvokeEvent): boolean => {
    const ok = isTrustedSender(
      {
        frameUrl: event.senderFrame?.url ?? null,
        isMainFrame: event.senderFrame?.parent === null,
        webContentsId: event.sender.id,
      },
      window !== null && !window.isDestroyed() ? window.webContents.id : null,
    );
    if (!ok) log(`ignored an IPC message from ${event.senderFrame?.url ?? 'a closed frame'}`);
    return ok;
  };
  ipcMain.handle(IPC.hello, (event): HelloReply => {
    if (!trusted(event)) throw new Error('not allowed');
    return { program: source.current(), state: controller.state, info };
  });
  ipcMain.on(IPC.command, (event, value: unknown) => {
    if (!trusted(event)) return;
    const command = parseCommand(value);
    if (command === null) {
      log('ignored a malformed command from the board');
      return;
    }
    perform(controller.handleCommand(command));
  });

  const perform = (effect: Effect): void => {
    if (effect === 'reload') {
      log('reload requested by staff');
      window?.webContents.reload();
    } else if (effect === 'quit') {
      log('quit confirmed by staff');
      quitting = true;
      app.quit();
    }
  };

  window = createWindow(options, preload, info, devtools);
  const contents = window.webContents;
  contents.on('before-input-event', (event, input) => {
    const { handled, effect } = controller.handleKey(input);
    if (handled) event.preventDefault();
    perform(effect);
  });
  // A constant stylesheet of ours, not page or program text: insertCSS is how main hides the cursor on a wall screen.
  if (!options.windowed) contents.on('did-finish-load', () => void contents.insertCSS(HIDE_CURSOR)); // eng-disable DANGEROUS_FUNCTIONS_JS_CHECK
  watchHealth(contents);
  void contents.loadURL(APP_ENTRY);
  if (devtools) contents.openDevTools({ mode: 'detach' });

  const blocker = powerSaveBlocker.start('prevent-display-sleep');
  app.on('before-quit', () => {
    quitting = true;
    source.stop();
    if (powerSaveBlocker.isStarted(blocker)) powerSaveBlocker.stop(blocker);
  });

  source.start().then(
    (update) => {
      if (update === null)
        log(`no program yet from ${location}; the board waits for it (${source.lastProblem() ?? 'no reason given'})`);
    },
    (error: unknown) => log(`the program source failed to start: ${error instanceof Error ? error.message : String(error)}`),
  );
}

function createWindow(options: KioskOptions, preload: string, info: HostInfo, devtools: boolean): BrowserWindow {
  const { display, warning } = chooseDisplay(screen.getAllDisplays(), screen.getPrimaryDisplay(), options.display);
  if (warning !== null) log(warning);
  const { x, y, width, height } = display.bounds;
  const bounds = options.windowed
    ? {
        x: x + Math.max(0, Math.round((width - 1280) / 2)),
        y: y + Math.max(0, Math.round((height - 720) / 2)),
        width: 1280,
        height: 720,
      }
    : { x, y, width, height };
  const win = new BrowserWindow({
    ...bounds,
    show: false,
    title: 'Foyer',
    backgroundColor: '#000000',
    kiosk: !options.windowed,
    fullscreen: !options.windowed,
    autoHideMenuBar: true,
    webPreferences: {
      // Sandboxed, context-isolated, and it only exposes window.foyer (four typed members) through contextBridge.
      preload, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: devtools,
      disableDialogs: true,
      // No middle-click "open in new window" either (denied anyway by setWindowOpenHandler).
      disableBlinkFeatures: 'Auxclick',
      additionalArguments: [`--foyer-version=${info.version}`],
    },
  });
  const showTimer = setTimeout(() => {
    if (!win.isDestroyed() && !win.isVisible()) win.show();
  }, 10_000);
  win.once('ready-to-show', () => {
    clearTimeout(showTimer);
    win.show();
  });
  // Alt+F4 and the like must not take the board off the wall; Ctrl+Q, Y does.
  win.on('close', (event) => {
    if (!quitting && !options.windowed) event.preventDefault();
  });
  const follow = (): void => {
    if (options.windowed || win.isDestroyed()) return;
    const target = chooseDisplay(screen.getAllDisplays(), screen.getPrimaryDisplay(), options.display).display;
    const current = win.getBounds();
    const same = ['x', 'y', 'width', 'height'].every((k) => current[k as 'x'] === target.bounds[k as 'x']);
    if (same) return;
    log(
      `displays changed; moving the board to the display at ${target.bounds.x},${target.bounds.y} (${target.bounds.width}×${target.bounds.height})`,
    );
    win.setKiosk(false);
    win.setBounds(target.bounds);
    win.setKiosk(true);
  };
  screen.on('display-added', follow);
  screen.on('display-removed', follow);
  screen.on('display-metrics-changed', follow);
  return win;
}

/** Reloads a renderer that died, hung or failed to load, with back-off; gives up (exit 1) so systemd restarts us. */
function watchHealth(contents: WebContents): void {
  const recovery = new RecoveryPolicy();
  let hang: NodeJS.Timeout | null = null;
  let pending: NodeJS.Timeout | null = null;
  const recover = (why: string): void => {
    if (quitting) return;
    const decision = recovery.failure(Date.now());
    if (decision.action === 'exit') {
      log(`${why}; ${decision.failures} failures in 10 minutes: exiting so that the service manager restarts Foyer`);
      app.exit(1);
      return;
    }
    log(`${why}; reloading in ${Math.round(decision.delayMs / 1000)} s (failure ${decision.failures})`);
    if (pending !== null) clearTimeout(pending);
    pending = setTimeout(() => {
      pending = null;
      if (!contents.isDestroyed()) contents.reload();
    }, decision.delayMs);
  };
  contents.on('render-process-gone', (_event, details) => {
    if (hang !== null) clearTimeout(hang);
    hang = null;
    recover(`the board's renderer is gone (${details.reason}, exit code ${details.exitCode})`);
  });
  contents.on('unresponsive', () => {
    log(`the board stopped responding; restarting its renderer if it is still stuck in ${HANG_GRACE_MS / 1000} s`);
    if (hang !== null) clearTimeout(hang);
    hang = setTimeout(() => {
      hang = null;
      if (!contents.isDestroyed()) contents.forcefullyCrashRenderer();
    }, HANG_GRACE_MS);
  });
  contents.on('responsive', () => {
    if (hang === null) return;
    clearTimeout(hang);
    hang = null;
    log('the board responds again');
  });
  contents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
    // -3 is ERR_ABORTED: a reload superseding a load, not a failure.
    if (isMainFrame && code !== -3) recover(`could not load ${url} (${description})`);
  });
}

function main(): void {
  // From argv[1] on: the app path (development) and Chromium's or a test driver's switches are ignored by the parser.
  const parsed = parseKioskArgs(process.argv.slice(1));
  if (!parsed.ok) {
    console.error(`foyer: ${parsed.error}\n${KIOSK_USAGE}`);
    app.exit(2);
    return;
  }
  if (!app.requestSingleInstanceLock()) {
    log('Foyer is already running on this machine; this second copy exits');
    app.exit(0);
    return;
  }
  app.on('second-instance', () => {
    if (window === null || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  // Every webContents, including any a bug might create: no navigation away, no popups, no <webview>.
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAllowedNavigation(url)) {
        event.preventDefault();
        log(`blocked navigation to ${url.slice(0, 200)}`);
      }
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAllowedNavigation(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      log(`blocked a new window for ${url.slice(0, 200)}`);
      return { action: 'deny' };
    });
  });
  app.on('child-process-gone', (_event, details) => {
    const gpu = details.type === 'GPU' ? ' (Chromium starts a new GPU process; the board may flicker once)' : '';
    log(`${details.type} process gone: ${details.reason}, exit code ${details.exitCode}${gpu}`);
  });
  app.on('window-all-closed', () => app.quit());
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      quitting = true;
      app.quit();
    });
  }
  if (parsed.ignored.length > 0) log(`ignoring arguments not meant for Foyer: ${parsed.ignored.join(' ')}`);
  app.whenReady().then(
    () => {
      Menu.setApplicationMenu(null);
      start(parsed.options);
    },
    (error: unknown) => {
      console.error(`foyer: Electron failed to start: ${error instanceof Error ? error.message : String(error)}`);
      app.exit(1);
    },
  );
}

main();
