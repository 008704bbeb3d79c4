/**
 * The kiosk's main-process logic without Electron: a staff key press goes
 * through the shared keymap and reducer, lands on disk, and comes back after a
 * restart; the reducer's context is the board's own view of the program.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileTimeline } from '../../core/engine/timeline.ts';
import { StateStore } from '../../core/node/state-store.ts';
import type { Program } from '../../core/program/schema.ts';
import { validateProgramText } from '../../core/program/validate.ts';
import { DEFAULT_SCREEN_STATE, type ScreenState } from '../../core/screen/state.ts';
import { commandContextOf, TimelineCache } from '../../electron/command-context.ts';
import { chooseDisplay } from '../../electron/display-choice.ts';
import { RecoveryPolicy } from '../../electron/recovery.ts';
import { parseCommand, ScreenController, type KeyEvent } from '../../electron/screen-controller.ts';

const ZONE = 'Europe/Stockholm';
const at = (local: string): number => DateTime.fromISO(local, { zone: ZONE }).toMillis();

function seed(): Program {
  const result = validateProgramText(readFileSync(new URL('../../data/program.json', import.meta.url), 'utf8'));
  if (!result.ok) throw new Error('the seed program must be valid');
  return result.program;
}

/** The seed plus a second room, so that room keys have somewhere to go. */
function twoRooms(): Program {
  const program = structuredClone(seed());
  program.rooms.push({ id: 'studio', name: 'Studio' });
  return program;
}

const down = (key: string, extra: Partial<KeyEvent> = {}): KeyEvent => ({ type: 'keyDown', key, ...extra });

let dir: string;
let clock: number;
let pushed: ScreenState[];
let logs: string[];

function controller(store: StateStore, initial: ScreenState = store.load()): ScreenController {
  const c = new ScreenController(initial, {
    save: (state) => store.save(state),
    changed: (state) => pushed.push(state),
    now: () => clock,
    log: (line) => logs.push(line),
  });
  c.setProgram(twoRooms());
  return c;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'foyer-screen-'));
  clock = at('2026-05-06T09:15');
  pushed = [];
  logs = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('staff hotkeys in the main process', () => {
  it('A switches to the agenda, pushes the new state to the board and remembers it after a restart', () => {
    const store = new StateStore(join(dir, 'screen-state.json'));
    const screen = controller(store);
    expect(screen.handleKey(down('a'))).toEqual({ handled: true, effect: null });
    expect(screen.state.view).toBe('agenda');
    expect(pushed.map((s) => s.view)).toEqual(['agenda']);
    expect(controller(new StateStore(join(dir, 'screen-state.json'))).state.view).toBe('agenda');
  });

  it('→ walks the rooms in program order, then back to all rooms', () => {
    const screen = controller(new StateStore(join(dir, 'screen-state.json')));
    const rooms = [1, 2, 3].map(() => (screen.handleKey(down('ArrowRight')), screen.state.room));
    expect(rooms).toEqual(['main', 'studio', null]);
  });

  it('+ delays the rest of today in this room by 5 minutes, on the conference day of the screen', () => {
    const store = new StateStore(join(dir, 'screen-state.json'));
    const screen = controller(store, { ...DEFAULT_SCREEN_STATE, room: 'main' });
    screen.handleKey(down('+'));
    screen.handleKey(down('+'));
    expect(
      screen.state.delays.every((d) => d.room === 'main' && d.day === '2026-05-06' && d.since === at('2026-05-06T09:15')),
    ).toBe(true);
    expect(screen.state.delays.reduce((sum, d) => sum + d.minutes, 0)).toBe(10);
    // What the board will draw: the 09:40 talk now starts 09:50.
    const talk = compileTimeline(twoRooms(), screen.state.delays).slots.find((s) => s.scheduledStart === at('2026-05-06T09:40'))!;
    expect(DateTime.fromMillis(talk.start, { zone: ZONE }).toFormat('HH:mm')).toBe('09:50');
    expect(new StateStore(join(dir, 'screen-state.json')).load().delays).toEqual(screen.state.delays);
  });

  it('a held + (auto-repeat) and the key-up do nothing more, but still never reach the page', () => {
    const screen = controller(new StateStore(join(dir, 'screen-state.json')), { ...DEFAULT_SCREEN_STATE, room: 'main' });
    screen.handleKey(down('+'));
    expect(screen.handleKey(down('+', { isAutoRepeat: true }))).toEqual({ handled: true, effect: null });
    expect(screen.handleKey({ type: 'keyUp', key: '+' })).toEqual({ handled: true, effect: null });
    expect(screen.state.delays.reduce((sum, d) => sum + d.minutes, 0)).toBe(5);
  });

  it('keys that are not hotkeys reach the page untouched', () => {
    const screen = controller(new StateStore(join(dir, 'screen-state.json')));
    expect(screen.handleKey(down('Tab'))).toEqual({ handled: false, effect: null });
    expect(screen.handleKey(down('x', { alt: true }))).toEqual({ handled: false, effect: null });
    expect(pushed).toEqual([]);
  });

  it('Ctrl+Q asks first; Shift on its way to a capital Y does not cancel; Y quits', () => {
    const screen = controller(new StateStore(join(dir, 'screen-state.json')));
    expect(screen.handleKey(down('q', { control: true })).effect).toBeNull();
    expect(screen.state.overlay).toBe('quit');
    expect(screen.handleKey(down('Shift', { shift: true }))).toEqual({ handled: false, effect: null });
    expect(screen.state.overlay).toBe('quit');
    expect(screen.handleKey(down('Y', { shift: true })).effect).toBe('quit');
  });

  it('Ctrl+Q then any other key cancels the quit', () => {
    const screen = controller(new StateStore(join(dir, 'screen-state.json')));
    screen.handleKey(down('q', { control: true }));
    expect(screen.handleKey(down('n')).effect).toBeNull();
    expect(screen.state.overlay).toBe('none');
  });

  it('F5 and Ctrl+R ask the shell to reload', () => {
    const screen = controller(new StateStore(join(dir, 'screen-state.json')));
    expect(screen.handleKey(down('F5')).effect).toBe('reload');
    expect(screen.handleKey(down('r', { control: true })).effect).toBe('reload');
  });

  it('. jumps the rehearsal clock to the next change the board would show', () => {
    const screen = controller(new StateStore(join(dir, 'screen-state.json')), { ...DEFAULT_SCREEN_STATE, room: 'main' });
    screen.handleKey(down('.'));
    expect(clock + screen.state.clockOffset).toBe(at('2026-05-06T09:40'));
    screen.handleKey(down('.'));
    expect(clock + screen.state.clockOffset).toBe(at('2026-05-06T10:20'));
    screen.handleKey(down('l'));
    expect(screen.state.clockOffset).toBe(0);
  });

  it('keeps working when the disk refuses to save, and says so', () => {
    const screen = new ScreenController(DEFAULT_SCREEN_STATE, {
      save: () => {
        throw new Error('EROFS: read-only file system');
      },
      changed: (state) => pushed.push(state),
      now: () => clock,
      log: (line) => logs.push(line),
    });
    screen.handleKey(down('e'));
    expect(screen.state.emergency).toBe(true);
    expect(pushed).toHaveLength(1);
    expect(logs).toEqual(['could not save the screen state: EROFS: read-only file system']);
  });
});

describe('commands from the board', () => {
  it('accepts well-formed commands only', () => {
    expect(parseCommand({ type: 'view', view: 'spotlight' })).toEqual({ type: 'view', view: 'spotlight' });
    expect(parseCommand({ type: 'delay', minutes: 5, extra: 'dropped' })).toEqual({ type: 'delay', minutes: 5 });
    expect(parseCommand({ type: 'view', view: 'cinema' })).toBeNull();
    expect(parseCommand({ type: 'delay', minutes: 1e9 })).toBeNull();
    expect(parseCommand({ type: 'delay', minutes: 2.5 })).toBeNull();
    expect(parseCommand({ type: 'shell', command: 'rm -rf /' })).toBeNull();
    expect(parseCommand('reload')).toBeNull();
    expect(parseCommand(null)).toBeNull();
  });

  it('a board cannot quit the kiosk unless staff asked to quit', () => {
    const screen = controller(new StateStore(join(dir, 'screen-state.json')));
    expect(screen.handleCommand({ type: 'quit-confirm' })).toBeNull();
    screen.handleCommand({ type: 'quit-request' });
    expect(screen.handleCommand({ type: 'quit-confirm' })).toBe('quit');
  });
});

describe('command context', () => {
  it("uses the screen's clock (rehearsal offset included) for the day and the next change", () => {
    const timeline = compileTimeline(twoRooms());
    const state = { ...DEFAULT_SCREEN_STATE, room: 'main', clockOffset: 24 * 3_600_000 };
    const ctx = commandContextOf(timeline, state, at('2026-05-06T09:15'));
    expect(ctx).toEqual({
      rooms: ['main', 'studio'],
      now: at('2026-05-07T09:15'),
      liveNow: at('2026-05-06T09:15'),
      day: '2026-05-07',
      nextBoundary: ctx.nextBoundary,
    });
    expect(ctx.nextBoundary).toBeGreaterThan(at('2026-05-07T09:15'));
  });

  it('puts a late-evening instant on the event day in Stockholm, whatever the machine zone', () => {
    // 23:30 in Stockholm is already the next day in Tokyo and still the same day in Los Angeles.
    const ctx = commandContextOf(compileTimeline(twoRooms()), DEFAULT_SCREEN_STATE, at('2026-05-06T23:30'));
    expect(ctx.day).toBe('2026-05-06');
  });

  it('has no rooms and no next change before any program has arrived', () => {
    expect(commandContextOf(null, DEFAULT_SCREEN_STATE, at('2026-05-06T09:15'))).toMatchObject({ rooms: [], nextBoundary: null });
  });

  it('compiles a timeline once per program and set of delays', () => {
    const cache = new TimelineCache();
    const program = twoRooms();
    const delays: ScreenState['delays'] = [];
    const first = cache.get(program, delays);
    expect(cache.get(program, delays)).toBe(first);
    expect(cache.get(program, [...delays])).not.toBe(first);
    expect(cache.get(null, delays)).toBeNull();
  });
});

describe('recovery back-off', () => {
  it('reloads after 1, 2, 4, 8 s, then gives up on the fifth failure within ten minutes', () => {
    const policy = new RecoveryPolicy();
    const t0 = 1_000_000;
    const actions = [0, 1, 2, 3, 4].map((i) => policy.failure(t0 + i * 30_000));
    expect(actions).toEqual([
      { action: 'reload', delayMs: 1_000, failures: 1 },
      { action: 'reload', delayMs: 2_000, failures: 2 },
      { action: 'reload', delayMs: 4_000, failures: 3 },
      { action: 'reload', delayMs: 8_000, failures: 4 },
      { action: 'exit', failures: 5 },
    ]);
  });

  it('forgets failures older than the window: a crash a day is not a crash loop', () => {
    const policy = new RecoveryPolicy();
    for (let day = 0; day < 10; day++)
      expect(policy.failure(day * 86_400_000)).toEqual({ action: 'reload', delayMs: 1_000, failures: 1 });
  });
});

describe('display choice', () => {
  const left = { id: 7, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
  const right = { id: 3, bounds: { x: 1920, y: 0, width: 3840, height: 2160 } };

  it('numbers displays left to right, whatever order the system lists them in', () => {
    expect(chooseDisplay([right, left], left, 2)).toEqual({ display: right, warning: null });
    expect(chooseDisplay([right, left], right, 1)).toEqual({ display: left, warning: null });
  });

  it('uses the primary display by default, and when the wanted one is unplugged (with a warning)', () => {
    expect(chooseDisplay([left, right], right, null)).toEqual({ display: right, warning: null });
    expect(chooseDisplay([left], left, 2)).toEqual({
      display: left,
      warning: '--display 2: only 1 display(s) connected; using the primary display until it appears',
    });
  });
});
