/**
 * Where the staff token lives: a file only its owner can read, created by the
 * hub when missing and never printed (core/node/staff-token.ts), and in a
 * browser, taken once from `#staff=…`, kept in storage and wiped from the
 * address bar (renderer/src/host/staff-token.ts).
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultStateDir, readOrCreateScreenId } from '../../../core/node/places.ts';
import { MIN_TOKEN_LENGTH, readOrCreateToken } from '../../../core/node/staff-token.ts';
import { sameToken } from '../../../core/hub/server/staff-gate.ts';
import { forgetStaffToken, takeStaffToken } from '../../../renderer/src/host/staff-token.ts';
import { screenIdOf } from '../../../renderer/src/host/screen-identity.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'foyer-token-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the token file', () => {
  it('is created with a new random token, readable only by its owner; the log says where, never what', () => {
    const file = join(dir, 'nested', 'staff-token');
    const logs: string[] = [];
    const token = readOrCreateToken(file, (l) => logs.push(l));
    expect(token.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(file, 'utf8')).toBe(`${token}\n`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(logs).toEqual([`created a staff token in ${file} (readable only by you); give it to staff, never to screens`]);
    expect(logs.join('')).not.toContain(token);
    // Read again, not replaced.
    expect(readOrCreateToken(file, () => {})).toBe(token);
    expect(readOrCreateToken(join(dir, 'other'), () => {})).not.toBe(token);
  });

  it('refuses a token too short to be a secret, and warns when others can read the file', () => {
    const short = join(dir, 'short');
    writeFileSync(short, 'letmein\n', { mode: 0o600 });
    expect(() => readOrCreateToken(short, () => {})).toThrow(
      `${short}: the staff token must be at least ${MIN_TOKEN_LENGTH} characters (the file has 7)`,
    );
    const open = join(dir, 'open');
    writeFileSync(open, 'a-long-enough-token-for-staff', { mode: 0o644 });
    const logs: string[] = [];
    readOrCreateToken(open, (l) => logs.push(l));
    expect(logs).toEqual([`${open}: other users can read the staff token; chmod 600 ${open}`]);
  });

  it('compares tokens whatever their lengths', () => {
    expect(sameToken('a-long-enough-token-for-staff', 'a-long-enough-token-for-staff')).toBe(true);
    expect(sameToken('a-long-enough-token-for-staff', 'a')).toBe(false);
    expect(sameToken('a-long-enough-token-for-staff', 'a-long-enough-token-for-stafF')).toBe(false);
  });

  it('lives in the user’s state folder unless told, never in the repository', () => {
    expect(defaultStateDir({ XDG_STATE_HOME: '/var/lib/kiosk' }, 'linux')).toBe('/var/lib/kiosk/foyer/hub');
    expect(defaultStateDir({ LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' }, 'win32')).toContain('Foyer');
  });

  it('a kiosk keeps one screen id for the fleet page across restarts', () => {
    const file = join(dir, 'screen-id');
    const id = readOrCreateScreenId(file);
    expect(id).toMatch(/^kiosk-[0-9a-f]{16}$/);
    expect(readOrCreateScreenId(file)).toBe(id);
  });
});

describe('the staff token in a browser', () => {
  const storage = () => {
    const map = new Map<string, string>();
    return {
      map,
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
      removeItem: (k: string) => void map.delete(k),
    };
  };

  it('is taken from #staff= once, kept, and wiped from the address bar', () => {
    const store = storage();
    let cleared = 0;
    const place = (hash: string) => ({ hash, storage: store, clearFragment: () => cleared++ });
    expect(takeStaffToken(place('#staff=s3cret-token-for-staff'))).toBe('s3cret-token-for-staff');
    expect(cleared).toBe(1);
    // The next load has a plain address and still has it.
    expect(takeStaffToken(place(''))).toBe('s3cret-token-for-staff');
    expect(cleared).toBe(1);
    // #staff= with nothing forgets it; so does a refusal by the hub.
    expect(takeStaffToken(place('#staff='))).toBeNull();
    takeStaffToken(place('#staff=again-a-token-for-staff'));
    forgetStaffToken(store);
    expect(takeStaffToken(place(''))).toBeNull();
  });

  it("gives the screen (a tab: its storage is the tab's) one id, kept across loads", () => {
    const store = storage();
    const id = screenIdOf(store, (n) => new Uint8Array(n).fill(171));
    expect(id).toBe('web-abababababababab');
    expect(screenIdOf(store, (n) => new Uint8Array(n))).toBe(id);
  });
});
