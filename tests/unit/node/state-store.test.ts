import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StateStore } from '../../../core/node/state-store.ts';
import { DEFAULT_SCREEN_STATE, type ScreenState } from '../../../core/screen/state.ts';

let dir: string;
let lines: string[];
const log = (line: string) => lines.push(line);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'foyer-state-'));
  lines = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const steered: ScreenState = {
  name: 'Hall B, left of the door',
  room: 'main',
  group: 'stages',
  rooms: ['saal-1', 'stage-huff'],
  view: 'agenda',
  delays: [{ room: 'main', day: '2026-05-06', minutes: 10, since: 1_778_050_800_000 }],
  showAnnouncements: true,
  emergency: false,
  emergencyText: null,
  announcements: [],
  roomStatus: [{ room: 'main', day: '2026-05-06', status: 'full', since: 1_778_050_900_000 }],
  overlay: 'none',
  clockOffset: 15 * 60_000,
  notice: null,
  wakeUntil: null,
};

describe('StateStore', () => {
  it('brings a screen back as staff left it, in a fresh store on the same file (a restart)', () => {
    const file = join(dir, 'nested', 'screen-state.json');
    new StateStore(file, log).save(steered);
    expect(new StateStore(file, log).load()).toEqual(steered);
    expect(readdirSync(join(dir, 'nested'))).toEqual(['screen-state.json']);
  });

  it('does not bring back an overlay: a quit prompt must not greet the audience after a restart', () => {
    const file = join(dir, 'screen-state.json');
    new StateStore(file, log).save({
      ...steered,
      overlay: 'quit',
      notice: { reason: 'wrong-token' },
      wakeUntil: 1_778_050_900_000,
    });
    expect(new StateStore(file, log).load()).toMatchObject({ overlay: 'none', notice: null, wakeUntil: null });
  });

  it('starts a screen with no saved state from the defaults and says so', () => {
    const state = new StateStore(join(dir, 'screen-state.json'), log).load({ ...DEFAULT_SCREEN_STATE, name: 'Desk' });
    expect(state).toEqual({ ...DEFAULT_SCREEN_STATE, name: 'Desk' });
    expect(lines.join('\n')).toMatch(/no saved screen state yet; using defaults/);
  });

  it('survives a power cut in the middle of a save: the half-written temp file is discarded, the last save is used', () => {
    const file = join(dir, 'screen-state.json');
    new StateStore(file, log).save(steered);
    // What a cut leaves behind: the temporary file with the first bytes of a newer save.
    writeFileSync(`${file}.tmp`, '{"version":1,"savedAt":1778050800000,"state":{"name":"Hall');
    const state = new StateStore(file, log).load();
    expect(state).toEqual(steered);
    expect(lines.join('\n')).toMatch(/discarded an unfinished save/);
    expect(readdirSync(dir)).toEqual(['screen-state.json']);
    // And the next save still works over the leftovers.
    new StateStore(file, log).save({ ...steered, view: 'spotlight' });
    expect(new StateStore(file, log).load().view).toBe('spotlight');
  });

  it('falls back to the defaults, with a log line naming the file, when the state file is corrupt', () => {
    const file = join(dir, 'screen-state.json');
    writeFileSync(file, '{"version":1,"state":{"name":"Hall B","room":');
    const state = new StateStore(file, log).load();
    expect(state).toEqual(DEFAULT_SCREEN_STATE);
    expect(lines).toEqual([expect.stringContaining(`${file}: the saved screen state is not valid JSON`)]);
  });

  it('keeps the good fields of a damaged state and names the bad ones', () => {
    const file = join(dir, 'screen-state.json');
    writeFileSync(file, JSON.stringify({ version: 1, state: { ...steered, view: 'cinema', delays: 'ten minutes' } }));
    const state = new StateStore(file, log).load();
    expect(state).toEqual({ ...steered, view: 'board', delays: [] });
    expect(lines.join('\n')).toMatch(/ignored bad saved field\(s\) view .*delays/);
  });

  it('writes a file a technician can read', () => {
    const file = join(dir, 'screen-state.json');
    new StateStore(file, log).save(steered);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { version: number; state: Record<string, unknown> };
    expect(saved.version).toBe(1);
    expect(saved.state.name).toBe('Hall B, left of the door');
    expect(saved.state).not.toHaveProperty('overlay');
  });

  it('reports a disk that refuses the write to the caller instead of pretending it saved', () => {
    const blocker = join(dir, 'not-a-directory');
    writeFileSync(blocker, '');
    expect(() => new StateStore(join(blocker, 'screen-state.json'), log).save(steered)).toThrow(/EEXIST|ENOTDIR/);
  });
});
