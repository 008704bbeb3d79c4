/**
 * The typed IPC contract cannot be bypassed: the lint rule lets only
 * electron/ipc.ts use ipcMain and only electron/preload.ts use ipcRenderer.
 * Checked with ESLint and the project's own config.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: join(ROOT, '.config', 'eslint.config.js') });

async function ipcProblems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

const MAIN = "import { ipcMain } from 'electron';\nipcMain.handle('x', () => 1);\n";
const RENDERER = "import { ipcRenderer } from 'electron';\nvoid ipcRenderer.invoke('x');\n";
const SNEAKY = "import * as electron from 'electron';\nelectron.ipcMain.on('x', () => {});\n";

describe('who may use ipcMain and ipcRenderer', () => {
  it('only electron/ipc.ts uses ipcMain', { timeout: 30_000 }, async () => {
    expect(await ipcProblems('electron/ipc.ts', MAIN)).toEqual([]);
    expect(await ipcProblems('electron/main.ts', MAIN)).toEqual([
      'ipcMain is used only in electron/ipc.ts, through the typed contract in core/host-contract.ts.',
    ]);
    expect(await ipcProblems('electron/window.ts', SNEAKY)).toHaveLength(1);
    expect(await ipcProblems('electron/preload.ts', MAIN)).toHaveLength(1);
  });

  it('only electron/preload.ts uses ipcRenderer', { timeout: 30_000 }, async () => {
    expect(await ipcProblems('electron/preload.ts', RENDERER)).toEqual([]);
    expect(await ipcProblems('electron/ipc.ts', RENDERER)).toHaveLength(1);
    expect(await ipcProblems('core/screen/controller.ts', RENDERER)).toHaveLength(1);
  });
});
