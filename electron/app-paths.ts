/**
 * Where the kiosk's files are: the board's build and the preload (in the app),
 * the embedded program (a resource of the installed app), and the folder for
 * what it keeps between runs (FOYER_USER_DATA_DIR for tests, else Electron's).
 */
import { join } from 'node:path';
import type { App } from 'electron';

export interface AppPaths {
  rendererDir: string;
  preload: string;
  embedded: string;
  userData: string;
}

export function appPaths(app: App, env: NodeJS.ProcessEnv, resourcesPath: string): AppPaths {
  const appRoot = app.getAppPath();
  if (env.FOYER_USER_DATA_DIR) app.setPath('userData', env.FOYER_USER_DATA_DIR);
  return {
    rendererDir: join(appRoot, 'out', 'renderer'),
    preload: join(appRoot, 'out', 'electron', 'preload.cjs'),
    embedded: join(app.isPackaged ? resourcesPath : appRoot, 'data', 'program.json'),
    userData: app.getPath('userData'),
  };
}
