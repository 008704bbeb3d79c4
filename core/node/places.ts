/**
 * Where things are kept when nobody said: a hub's state folder (the user's
 * state folder, never the repository), and a kiosk's id for the fleet page.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/** Where a hub keeps its live state and token unless told: the user's state folder (XDG), never the repository. */
export function defaultStateDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'Foyer', 'hub');
  return join(env.XDG_STATE_HOME || join(homedir(), '.local', 'state'), 'foyer', 'hub');
}

/** A kiosk's stable id for the fleet page, kept in `file` (made once). */
export function readOrCreateScreenId(file: string): string {
  try {
    const id = readFileSync(file, 'utf8').trim();
    if (/^[\w-]{4,64}$/.test(id)) return id;
  } catch {
    // none yet
  }
  const id = `kiosk-${randomBytes(8).toString('hex')}`;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${id}\n`, { mode: 0o600 });
  return id;
}
