/**
 * The kiosk window: fullscreen on the chosen display (following it when
 * displays come and go), no cursor, no way to close it but Ctrl+Q, Y. Its
 * webPreferences carry the checklist items that belong to a window.
 */
import { BrowserWindow, screen, type Rectangle } from 'electron';
import { chooseDisplay } from './display-choice.ts';
import type { Log } from './log.ts';
import type { KioskOptions } from './options.ts';

const HIDE_CURSOR = '* { cursor: none !important; }';
const SHOW_ANYWAY_MS = 10_000;

export interface KioskWindowOptions {
  options: KioskOptions;
  preload: string;
  version: string;
  devtools: boolean;
  /** True once staff (or the system) asked to quit: only then may the window close. */
  quitting(): boolean;
  log: Log;
}

function boundsFor(options: KioskOptions, log: Log): Rectangle {
  const { display, warning } = chooseDisplay(screen.getAllDisplays(), screen.getPrimaryDisplay(), options.display);
  if (warning !== null) log(warning);
  const { x, y, width, height } = display.bounds;
  if (!options.windowed) return { x, y, width, height };
  const w = Math.min(1280, width);
  const h = Math.min(720, height);
  return { x: x + Math.round((width - w) / 2), y: y + Math.round((height - h) / 2), width: w, height: h };
}

export function createKioskWindow({ options, preload, version, devtools, quitting, log }: KioskWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    ...boundsFor(options, log),
    show: false,
    title: 'Foyer',
    backgroundColor: '#000000',
    kiosk: !options.windowed,
    fullscreen: !options.windowed,
    autoHideMenuBar: true,
    webPreferences: {
      // #20 Do not expose Electron APIs to untrusted web content: the preload exposes only window.foyer (a FoyerHost).
      preload, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true, // #3 Enable context isolation
      sandbox: true, // #4 Enable process sandboxing
      nodeIntegration: false, // #2 Do not enable Node.js integration for remote content
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true, // #6 Do not disable webSecurity
      allowRunningInsecureContent: false, // #8 Do not enable allowRunningInsecureContent
      experimentalFeatures: false, // #9 Do not enable experimental features
      webviewTag: false, // #12 Verify WebView options before creation (none can be created)
      navigateOnDragDrop: false, // #13 Disable or limit navigation
      spellcheck: false,
      devTools: devtools,
      disableDialogs: true,
      // #10 Do not use enableBlinkFeatures; and #14: no middle-click "open in new window" either.
      disableBlinkFeatures: 'Auxclick',
      // What the sandboxed preload cannot read itself: the version, the sleep hours and how the screen is seen.
      additionalArguments: [
        `--foyer-version=${version}`,
        `--foyer-screen=${JSON.stringify(options.screen)}`,
        ...(options.sleep !== null ? [`--foyer-sleep=${options.sleep.before},${options.sleep.after}`] : []),
      ],
    },
  });
  const showTimer = setTimeout(() => {
    if (!win.isDestroyed() && !win.isVisible()) win.show();
  }, SHOW_ANYWAY_MS);
  win.once('ready-to-show', () => {
    clearTimeout(showTimer);
    win.show();
  });
  // Alt+F4 and the like must not take the board off the wall; Ctrl+Q, Y does.
  win.on('close', (event) => {
    if (!quitting() && !options.windowed) event.preventDefault();
  });
  const contents = win.webContents;
  // A constant stylesheet of ours, not page or program text: insertCSS is how main hides the cursor on a wall screen.
  if (!options.windowed) contents.on('did-finish-load', () => void contents.insertCSS(HIDE_CURSOR)); // eng-disable DANGEROUS_FUNCTIONS_JS_CHECK
  if (!options.windowed) followDisplay(win, options, log);
  return win;
}

/** Moves the board to the chosen display when it is plugged in again (or to the primary one while it is away). */
function followDisplay(win: BrowserWindow, options: KioskOptions, log: Log): void {
  const follow = (): void => {
    if (win.isDestroyed()) return;
    const target = chooseDisplay(screen.getAllDisplays(), screen.getPrimaryDisplay(), options.display).display.bounds;
    const current = win.getBounds();
    if (current.x === target.x && current.y === target.y && current.width === target.width && current.height === target.height)
      return;
    log(`displays changed; moving the board to the display at ${target.x},${target.y} (${target.width}×${target.height})`);
    win.setKiosk(false);
    win.setBounds(target);
    win.setKiosk(true);
  };
  screen.on('display-added', follow);
  screen.on('display-removed', follow);
  screen.on('display-metrics-changed', follow);
}
