/**
 * `npm install`'s last step: fetch Electron's binary the way its own postinstall
 * does, but never fail the install over it. Only the kiosk needs the binary; the
 * board, the hub and the tests do not, and a venue machine or a CI runner may
 * have no route to where Electron is downloaded from. Electron's own postinstall
 * is therefore switched off (`allowScripts` in package.json) and run from here.
 *
 * Plain JavaScript: it runs before anything could be built, with Node alone.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const electron = join(root, 'node_modules', 'electron');
// Electron's download can take minutes on a slow line; a dead one fails within seconds.
const LIMIT_MS = 10 * 60 * 1000;

function installed() {
  try {
    const relative = readFileSync(join(electron, 'path.txt'), 'utf8').trim();
    return existsSync(join(electron, 'dist', relative));
  } catch {
    return false;
  }
}

function say(line) {
  console.log(`foyer: ${line}`);
}

if (!existsSync(join(electron, 'install.js'))) process.exit(0); // installed without devDependencies
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  if (!installed()) say('Electron binary skipped (ELECTRON_SKIP_BINARY_DOWNLOAD); `npm run get-electron` fetches it');
  process.exit(0);
}
if (installed()) process.exit(0);

const result = spawnSync(process.execPath, [join(electron, 'install.js')], {
  cwd: electron,
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'pipe'],
  timeout: LIMIT_MS,
});
if (!installed()) {
  const output = `${result.stderr ?? ''}\n${result.stdout ?? ''}`;
  const reason =
    result.error?.message ??
    output
      .split('\n')
      .map((line) => line.trim())
      .find((line) => /error/i.test(line)) ??
    `exit code ${result.status}`;
  say(
    `could not download the Electron binary (${reason.slice(0, 160)}): the board, the hub and the tests work without it, ` +
      '`npm start` shows the board in Chrome/Chromium instead; `npm run get-electron` tries again',
  );
}
