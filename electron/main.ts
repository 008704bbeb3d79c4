/**
 * The kiosk: one locked-down fullscreen window showing the board, fed by the
 * program feed (or the venue's hub) and steered by staff hotkeys. This file
 * only wires the modules beside it, in the order they start: protocol,
 * hardening, kiosk window, watchdog, program feed, IPC, hotkeys, hub (live
 * state, fleet messages, heartbeats), sleep hours.
 */
import { join } from 'node:path';
import { app, BrowserWindow, Menu, session } from 'electron';
import { LIVE_CLOCK } from '../core/screen/clock.ts';
import type { ScreenController } from '../core/screen/controller.ts';
import { watchSleep, type SleepWatch } from './display-power.ts';
import { appPaths } from './app-paths.ts';
import { hardenApp, hardenSession } from './hardening.ts';
import { attachHotkeys } from './hotkeys.ts';
import { hubIdentity, linkToHub } from './hub-link.ts';
import { KioskIpc } from './ipc.ts';
import { openKioskScreen } from './kiosk-screen.ts';
import { Lifecycle } from './lifecycle.ts';
import { log } from './log.ts';
import { kioskStartArgs, type KioskOptions } from './options.ts';
import { kioskFeed } from './program-feed.ts';
import { registerAppScheme, serveApp } from './protocol.ts';
import { APP_ENTRY } from './request-policy.ts';
import { watchHealth } from './watchdog.ts';
import { createKioskWindow } from './window.ts';

const lifecycle = new Lifecycle(app);
let window: BrowserWindow | null = null;

function start(options: KioskOptions): void {
  const { rendererDir, preload, embedded, userData } = appPaths(app, process.env, process.resourcesPath);
  const devtools = options.devtools && !app.isPackaged;
  if (options.devtools && app.isPackaged) log('--devtools is refused in the installed app');
  const version = app.getVersion();
  const { screenId, token } = hubIdentity(options, userData, log);
  let screen: ScreenController | null = null;
  const me = () => ({ id: screenId, name: screen?.state.name ?? 'Foyer kiosk' });
  const feed = kioskFeed(options, { userData, embedded, devtools }, { token, screen: me }, log);

  // 1. Protocol: app://foyer/ serves the build and the program's images (from the hub, with one).
  serveApp({ rendererDir, programDir: feed.programDir, hubUrl: options.hub, namedFiles: () => feed.namedFiles }, log);

  // 2. Hardening: no permissions, no requests but the app's and the program's.
  hardenSession(session.defaultSession, feed.policy, log);

  // 3. Kiosk window.
  const win = createKioskWindow({
    options,
    preload,
    version,
    devtools,
    quitting: () => lifecycle.quitting(),
    log,
  });
  window = win;
  const contents = win.webContents;

  // 4. Watchdog: a crashed or hung board is reloaded.
  watchHealth(contents, { quitting: () => lifecycle.quitting(), exit: (code) => app.exit(code), log });

  // 5. Program feed, and the screen state it is shown with.
  const ipc = new KioskIpc(() => (win.isDestroyed() ? null : contents), log);
  let sleepWatch: SleepWatch | null = null;
  const kiosk = openKioskScreen(options, join(userData, 'screen-state.json'), {
    // Live time; staff rehearse with the offset keys. The board's own HostInfo comes from the preload.
    clock: { ...LIVE_CLOCK, realStart: Date.now() },
    changed: (state) => {
      ipc.push('foyer:state', state);
      sleepWatch?.update();
    },
    log,
    ...(feed.hub !== null ? { shared: feed.hub } : {}),
    sleep: options.sleep,
  });
  screen = kiosk;
  let shown = feed.current()?.program ?? null;
  let shownCatalogues = feed.current()?.catalogues;
  feed.subscribe((update) => {
    if (update.program === shown && update.catalogues === shownCatalogues) return ipc.push('foyer:status', update.status);
    shown = update.program;
    shownCatalogues = update.catalogues;
    kiosk.setProgram(update.program);
    ipc.push('foyer:program', update);
    sleepWatch?.update();
  });

  // 6. IPC: the board asks once what to show; everything after is pushed.
  ipc.handle('foyer:hello', () => ({ program: feed.current(), state: kiosk.state }));

  // 7. Hotkeys: read before the page sees them, whatever has focus.
  attachHotkeys(contents, kiosk, { reload: () => contents.reload(), quit: () => lifecycle.quit(), log });

  // 8. Hub: the venue's live state on this screen, the fleet page's messages, heartbeats.
  const stopReports = feed.hub !== null ? linkToHub(feed.hub, kiosk, { screenId, appVersion: version, win, log }) : () => {};

  // 9. Sleep hours: the display off and on with the technician's commands.
  if (options.sleep !== null) sleepWatch = watchSleep(kiosk, { off: options.displayOff, on: options.displayOn }, log);

  void contents.loadURL(boardUrl(options.lang, options.clock));
  if (devtools) contents.openDevTools({ mode: 'detach' });
  lifecycle.run([stopReports, () => sleepWatch?.stop(), () => feed.stop()]);
  feed.start();
}

function main(): void {
  // From argv[1] on: the app path (development) and Chromium's or a test driver's switches are ignored by the parser.
  const parsed = kioskStartArgs(process.argv.slice(1), app.isPackaged);
  if (!parsed.ok) {
    console.error(`foyer: ${parsed.error}`);
    app.exit(2);
    return;
  }
  if (!lifecycle.claim(() => window, log)) {
    log('Foyer is already running on this machine; this second copy exits');
    app.exit(0);
    return;
  }
  hardenApp(app, log);
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

// Must happen before 'ready': app:// needs its privileges from the start.
registerAppScheme();
main();

/** The board's page, with the screen's language and clock as the browser board reads them (?lang=, ?clock=). */
function boardUrl(lang: string | null, clock: '12' | '24' | null): string {
  const query = new URLSearchParams();
  if (lang !== null) query.set('lang', lang);
  if (clock !== null) query.set('clock', clock);
  const search = query.toString();
  return search ? `${APP_ENTRY}?${search}` : APP_ENTRY;
}
