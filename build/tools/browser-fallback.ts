/**
 * Where the Electron binary is missing, `npm start` shows the board in an
 * installed Chrome or Chromium instead: which one, with which flags, and how
 * it is closed again.
 */
import type { ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { delimiter, join } from 'node:path';

const LINUX_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge'];
const MAC_PATHS = [
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
];
const WINDOWS_SUFFIXES = [
  'Google\\Chrome\\Application\\chrome.exe',
  'Chromium\\Application\\chrome.exe',
  'Microsoft\\Edge\\Application\\msedge.exe',
];

/** The first Chrome-family browser found; `FOYER_BROWSER` names one explicitly. */
export function findBrowser(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, exists: (path: string) => boolean): string | null {
  const explicit = env.FOYER_BROWSER ?? env.CHROME_PATH;
  if (explicit) return exists(explicit) ? explicit : null;
  let candidates: string[];
  if (platform === 'darwin') candidates = MAC_PATHS;
  else if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => !!r);
    candidates = roots.flatMap((root) => WINDOWS_SUFFIXES.map((suffix) => `${root}\\${suffix}`));
  } else {
    const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
    candidates = LINUX_NAMES.flatMap((name) => [
      ...dirs.map((dir) => join(dir, name)),
      join('/usr/bin', name),
      join('/snap/bin', name),
    ]);
  }
  return candidates.find(exists) ?? null;
}

export interface ScreenSize {
  width: number;
  height: number;
}

/**
 * The X screen's size, from `xdpyinfo` ("dimensions:    1920x1080 pixels") or
 * `xwininfo -root` ("Width: 1920", "Height: 1080"): whichever answered.
 */
export function parseScreenSize(output: string): ScreenSize | null {
  const dimensions = /dimensions:\s+(\d+)x(\d+)\s+pixels/.exec(output);
  if (dimensions) return { width: Number(dimensions[1]), height: Number(dimensions[2]) };
  const width = /Width:\s+(\d+)/.exec(output);
  const height = /Height:\s+(\d+)/.exec(output);
  return width && height ? { width: Number(width[1]), height: Number(height[1]) } : null;
}

export interface BrowserLaunch {
  url: string;
  /**
   * The screen's size where it could be read (X11): a kiosk window is placed
   * over all of it, because without a window manager Chromium's --kiosk
   * leaves the window at its default size (about half the screen).
   */
  screen?: ScreenSize | null;
  /** A throwaway profile, so no session restore, sync or extensions of anyone's own browser get involved. */
  profileDir: string;
  kiosk: boolean;
  /** Chromium refuses to run as root with its sandbox on. */
  runningAsRoot: boolean;
}

export function browserArgs({ url, profileDir, kiosk, runningAsRoot, screen }: BrowserLaunch): string[] {
  // Chromium on X11 makes a window asked for exactly the screen's size one pixel smaller each way; one more
  // pixel each way covers the screen (with a window manager, --kiosk's full screen wins anyway).
  const cover = kiosk && screen ? ['--window-position=0,0', `--window-size=${screen.width + 1},${screen.height + 1}`] : [];
  return [
    ...(kiosk ? ['--kiosk', ...cover] : ['--window-size=1280,720']),
    `--app=${url}`,
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-translate',
    '--disable-features=Translate,MediaRouter',
    '--noerrdialogs',
    '--disable-session-crashed-bubble',
    '--password-store=basic',
    ...(runningAsRoot ? ['--no-sandbox'] : []),
  ];
}

/** Whether a browser window can be shown at all (a Linux box over SSH has no display). */
export function hasDisplay(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): boolean {
  if (platform !== 'linux' && platform !== 'freebsd' && platform !== 'openbsd') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** The board's address with the kiosk flags the browser board understands (room, group, rooms, view, name, sleep hours, how it is seen) as its query. */
export function boardUrl(
  base: string,
  options: {
    room: string | null;
    group?: string | null;
    rooms?: readonly string[] | null;
    view: string | null;
    screenName?: string | null;
    sleep?: { before: number; after: number } | null;
    screen?: { viewingDistance?: number; diagonal?: number };
  },
): string {
  const url = new URL(base);
  if (options.room !== null) url.searchParams.set('room', options.room);
  if (options.group) url.searchParams.set('group', options.group);
  if (options.rooms) url.searchParams.set('rooms', options.rooms.join(','));
  if (options.view !== null) url.searchParams.set('view', options.view);
  if (options.screenName) url.searchParams.set('name', options.screenName);
  if (options.sleep) url.searchParams.set('sleep', `${options.sleep.before},${options.sleep.after}`);
  if (options.screen?.viewingDistance !== undefined) url.searchParams.set('distance', String(options.screen.viewingDistance));
  if (options.screen?.diagonal !== undefined) url.searchParams.set('diagonal', String(options.screen.diagonal));
  return url.href;
}

/**
 * Closes the browser and removes its throwaway profile. Chromium's helper
 * processes outlive the main one for a moment and still write to the profile,
 * so it is removed after the exit, with retries; a profile that still cannot go
 * is left in the temp folder and said, never an error on the way out.
 */
export async function closeBrowser(
  browser: ChildProcess | null,
  profile: string | null,
  say: (line: string) => void = () => {},
): Promise<void> {
  if (browser !== null && browser.exitCode === null && browser.signalCode === null) {
    const exited = new Promise<void>((done) => browser.once('exit', () => done()));
    browser.kill('SIGTERM');
    await Promise.race([exited, new Promise((done) => setTimeout(done, 5_000))]);
  }
  if (profile === null) return;
  try {
    await rm(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  } catch (error) {
    say(`left the browser's temporary profile ${profile} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}
