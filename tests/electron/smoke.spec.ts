/**
 * The real kiosk: Electron with the built main, preload and board. Needs the
 * Electron binary (and a display: run under xvfb-run on a headless machine).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function electronBinary(): string | null {
  try {
    const relative = readFileSync(join(ROOT, 'node_modules', 'electron', 'path.txt'), 'utf8').trim();
    const binary = join(ROOT, 'node_modules', 'electron', 'dist', relative);
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const hasElectron = binary !== null;

let app: ElectronApplication;
let userData: string;

test.skip(
  !hasElectron,
  'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD): run `node node_modules/electron/install.js` to enable this test',
);

test.beforeAll(async () => {
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  userData = mkdtempSync(join(tmpdir(), 'foyer-electron-'));
  app = await electron.launch({
    executablePath: binary!,
    args: [ROOT, '--screen-name', 'Smoke test screen'],
    cwd: ROOT,
    env: { ...process.env, FOYER_USER_DATA_DIR: userData },
  });
});

test.afterAll(async () => {
  await app?.close();
  rmSync(userData, { recursive: true, force: true });
});

/** Reads the board through the main process, which survives renderer crashes (a Page object may not). */
function board(selector: string): Promise<boolean> {
  return app.evaluate(
    async ({ BrowserWindow }, css) =>
      (await BrowserWindow.getAllWindows()[0]!.webContents.executeJavaScript(
        `document.querySelector(${JSON.stringify(css)}) !== null`,
      )) as boolean,
    selector,
  );
}

test('opens one fullscreen kiosk window showing the board, locked down', async () => {
  const page = await app.firstWindow();
  await expect(page.locator('.app.view-board')).toBeVisible({ timeout: 30_000 });
  const facts = await app.evaluate(({ BrowserWindow, Menu }) => {
    const windows = BrowserWindow.getAllWindows();
    const w = windows[0]!;
    return {
      windows: windows.length,
      kiosk: w.isKiosk(),
      fullScreen: w.isFullScreen(),
      url: w.webContents.getURL(),
      menu: Menu.getApplicationMenu(),
    };
  });
  expect(facts).toEqual({ windows: 1, kiosk: true, fullScreen: facts.fullScreen, url: 'app://foyer/index.html', menu: null });
  await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.isFullScreen())).toBe(true);
  // No Node in the page, and only the narrow host API.
  expect(
    await page.evaluate(() => [
      typeof (globalThis as { require?: unknown }).require,
      typeof (globalThis as { process?: unknown }).process,
    ]),
  ).toEqual(['undefined', 'undefined']);
  expect(await page.evaluate(() => Object.keys(window.foyer ?? {}).sort())).toEqual(['info', 'onProgram', 'onState']);
  // The page cannot reach the internet, whatever it tries.
  expect(
    await page.evaluate(() =>
      fetch('https://example.org/').then(
        () => 'reached',
        () => 'blocked',
      ),
    ),
  ).toBe('blocked');
});

test('a staff hotkey switches the view, and the choice is saved', async () => {
  const page = await app.firstWindow();
  await page.keyboard.press('a');
  await expect(page.locator('.app.view-agenda')).toBeVisible();
  await expect
    .poll(() => {
      try {
        return (
          JSON.parse(readFileSync(join(userData, 'screen-state.json'), 'utf8')) as { state: { view: string; name: string } }
        ).state;
      } catch {
        return null;
      }
    })
    .toMatchObject({ view: 'agenda', name: 'Smoke test screen' });
});

test('a killed renderer comes back by itself, as staff left it', async () => {
  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.webContents.forcefullyCrashRenderer());
  await expect.poll(() => board('.app.view-agenda').catch(() => false), { timeout: 30_000 }).toBe(true);
});
