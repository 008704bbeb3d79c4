/**
 * The command path both hosts share (core/screen/controller.ts): a staff key
 * press goes through the keymap and the reducers with the screen's own clock,
 * is saved, and reaches the board. Driven here the way each shell drives it:
 * the kiosk through Electron's before-input-event (electron/hotkeys.ts), the
 * browser through keydown events (renderer/src/host/browser-host.ts).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WebContents } from 'electron';
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileTimeline } from '../../../core/engine/timeline.ts';
import type { Program } from '../../../core/program/schema.ts';
import { validateProgramText } from '../../../core/program/validate.ts';
import type { ClockSpec } from '../../../core/screen/clock.ts';
import { ScreenController } from '../../../core/screen/controller.ts';
import { noticeText } from '../../../core/screen/notice.ts';
import { DEFAULT_SCREEN_STATE, type ScreenState } from '../../../core/screen/state.ts';
import { attachHotkeys } from '../../../electron/hotkeys.ts';
import { openKioskScreen } from '../../../electron/kiosk-screen.ts';
import { DEFAULT_KIOSK_OPTIONS } from '../../../electron/options.ts';
import { createBrowserHost } from '../../../renderer/src/host/browser-host.ts';
import { nodeBrowserIo, startHub, TOKEN, until, type TestHub } from '../../hub-screens.ts';

const ZONE = 'Europe/Stockholm';
const at = (local: string): number => DateTime.fromISO(local, { zone: ZONE }).toMillis();
/** A rehearsal clock stopped at `wall` (speed 0): the same reading whenever the test runs. */
const frozen = (wall: string): ClockSpec => ({ at: wall, speed: 0, realStart: 0 });

/** The seed plus a second room, so that room keys have somewhere to go. */
function twoRooms(): Program {
  const result = validateProgramText(readFileSync(new URL('../../../data/program.json', import.meta.url), 'utf8'));
  if (!result.ok) throw new Error('the seed program must be valid');
  const program = structuredClone(result.program);
  program.rooms.push({ id: 'studio', name: 'Studio' });
  return program;
}

interface Press {
  key: string;
  ctrl?: boolean;
  shift?: boolean;
  alt?: boolean;
  repeat?: boolean;
}

interface Driver {
  /** The browser: the program has arrived from the hub. */
  ready?(): boolean;
  /** Key down (and up); whether the page was kept from seeing it. */
  press(press: Press): boolean;
  state(): ScreenState;
  effects: string[];
}

/** The kiosk: Electron's before-input-event on the window's webContents, as electron/hotkeys.ts listens to it. */
function kiosk(screen: ScreenController): Driver {
  const effects: string[] = [];
  let listener: ((event: { preventDefault(): void }, input: object) => void) | null = null;
  const contents = { on: (_name: string, l: typeof listener) => (listener = l) } as unknown as Pick<WebContents, 'on'>;
  attachHotkeys(contents, screen, { reload: () => effects.push('reload'), quit: () => effects.push('quit'), log: () => {} });
  const send = (type: string, p: Press): boolean => {
    let prevented = false;
    const input = { type, key: p.key, control: !!p.ctrl, shift: !!p.shift, alt: !!p.alt, meta: false, isAutoRepeat: !!p.repeat };
    listener!({ preventDefault: () => (prevented = true) }, input);
    return prevented;
  };
  return {
    press: (p) => {
      const prevented = send('keyDown', p);
      send('keyUp', p);
      return prevented;
    },
    state: () => screen.state,
    effects,
  };
}

/**
 * The browser: keydown events where the web host listens for them, the program and the live state from a
 * real hub over HTTP (tests/hub-screens.ts), shared keys sent to it with the staff token.
 */
function browser(initial: ScreenState, clock: ClockSpec, hub: TestHub, token: string | null = TOKEN): Driver {
  const effects: string[] = [];
  const keys = new EventTarget();
  let state: ScreenState | null = null;
  let live = false;
  const host = createBrowserHost(
    initial,
    { version: 'test', clock },
    { id: 'web-test', token },
    nodeBrowserIo(hub.base, keys, effects),
  );
  host.onState((next) => (state = next));
  host.onProgram(() => (live = true));
  return {
    ready: () => live && state !== null,
    press: (p) => {
      const event = Object.assign(new Event('keydown', { cancelable: true }), {
        key: p.key,
        ctrlKey: !!p.ctrl,
        shiftKey: !!p.shift,
        altKey: !!p.alt,
        metaKey: false,
        repeat: !!p.repeat,
      });
      keys.dispatchEvent(event);
      return event.defaultPrevented;
    },
    state: () => state!,
    effects,
  };
}

let dir: string;
let logs: string[];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'foyer-screen-'));
  logs = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function kioskAt(wall: string, flags: Partial<typeof DEFAULT_KIOSK_OPTIONS> = {}, pushed: ScreenState[] = []): ScreenController {
  const screen = openKioskScreen({ ...DEFAULT_KIOSK_OPTIONS, ...flags }, join(dir, 'screen-state.json'), {
    clock: frozen(wall),
    changed: (state) => pushed.push(state),
    log: (line) => logs.push(line),
  });
  screen.setProgram(twoRooms());
  return screen;
}

describe('the kiosk: keys, saved state, effects', () => {
  it('A switches to the agenda, pushes the new state to the board and remembers it after a restart', () => {
    const pushed: ScreenState[] = [];
    expect(kiosk(kioskAt('2026-05-06T09:15', {}, pushed)).press({ key: 'a' })).toBe(true);
    expect(pushed.map((s) => s.view)).toEqual(['agenda']);
    expect(kioskAt('2026-05-06T09:15').state.view).toBe('agenda');
  });

  it("the technician's flags win over what staff last chose", () => {
    kiosk(kioskAt('2026-05-06T09:15')).press({ key: 's' });
    expect(kioskAt('2026-05-06T09:15', { view: 'board', room: 'main' }).state).toMatchObject({ view: 'board', room: 'main' });
  });

  it('+ delays the rest of today in this room by 5 minutes, from the moment on the screen’s clock', () => {
    const screen = kioskAt('2026-05-06T09:15', { room: 'main' });
    const keys = kiosk(screen);
    keys.press({ key: '+', shift: true });
    keys.press({ key: '+', shift: true });
    expect(
      screen.state.delays.every((d) => d.room === 'main' && d.day === '2026-05-06' && d.since === at('2026-05-06T09:15')),
    ).toBe(true);
    // What the board will draw: the 09:40 talk now starts 09:50.
    const talk = compileTimeline(twoRooms(), screen.state.delays).slots.find((s) => s.scheduledStart === at('2026-05-06T09:40'))!;
    expect(DateTime.fromMillis(talk.start, { zone: ZONE }).toFormat('HH:mm')).toBe('09:50');
    expect(kioskAt('2026-05-06T09:15').state.delays).toEqual(screen.state.delays);
  });

  it('a held + (auto-repeat) adds nothing more, but never reaches the page either', () => {
    const screen = kioskAt('2026-05-06T09:15', { room: 'main' });
    const keys = kiosk(screen);
    keys.press({ key: '+' });
    expect(keys.press({ key: '+', repeat: true })).toBe(true);
    expect(screen.state.delays.reduce((sum, d) => sum + d.minutes, 0)).toBe(5);
  });

  it('keys that are not hotkeys reach the page untouched', () => {
    const pushed: ScreenState[] = [];
    const keys = kiosk(kioskAt('2026-05-06T09:15', {}, pushed));
    expect(keys.press({ key: 'Tab' })).toBe(false);
    expect(keys.press({ key: 'x', alt: true })).toBe(false);
    expect(keys.press({ key: 'a', alt: true })).toBe(false);
    expect(pushed).toEqual([]);
  });

  it('Ctrl+Q asks; Shift, CapsLock, AltGr, NumLock or Fn on the way to Y do not cancel; Y quits', () => {
    const screen = kioskAt('2026-05-06T09:15');
    const keys = kiosk(screen);
    keys.press({ key: 'q', ctrl: true });
    expect(screen.state.overlay).toBe('quit');
    for (const key of ['Shift', 'CapsLock', 'AltGraph', 'NumLock', 'Fn']) expect(keys.press({ key })).toBe(false);
    expect(screen.state.overlay).toBe('quit');
    expect(keys.effects).toEqual([]);
    keys.press({ key: 'Y', shift: true });
    expect(keys.effects).toEqual(['quit']);
  });

  it('Ctrl+Q then any other key cancels the quit', () => {
    const screen = kioskAt('2026-05-06T09:15');
    const keys = kiosk(screen);
    keys.press({ key: 'q', ctrl: true });
    keys.press({ key: 'n' });
    expect(screen.state.overlay).toBe('none');
    expect(screen.state.showAnnouncements).toBe(false);
    expect(keys.effects).toEqual([]);
  });

  it('F5 and Ctrl+R reload; Y without the question does nothing', () => {
    const keys = kiosk(kioskAt('2026-05-06T09:15'));
    keys.press({ key: 'F5' });
    keys.press({ key: 'r', ctrl: true });
    keys.press({ key: 'y' });
    expect(keys.effects).toEqual(['reload', 'reload']);
  });

  it('keeps working when the disk refuses to save, and says so', () => {
    const pushed: ScreenState[] = [];
    const screen = new ScreenController(DEFAULT_SCREEN_STATE, {
      clock: frozen('2026-05-06T09:15'),
      save: () => {
        throw new Error('EROFS: read-only file system');
      },
      changed: (state) => pushed.push(state),
      log: (line) => logs.push(line),
    });
    kiosk(screen).press({ key: 'e' });
    expect(screen.state.emergency).toBe(true);
    expect(pushed).toHaveLength(1);
    expect(logs).toEqual(['could not save the screen state: EROFS: read-only file system']);
  });

  it('says when the room it was told to show is not in the program', () => {
    kioskAt('2026-05-06T09:15', { room: 'hall-z' });
    expect(logs).toContain('room "hall-z" is not in the program; the board shows all rooms');
  });
});

describe('the rehearsal clock', () => {
  // The jump from issue #9: at 09:10 in the main room, ] then . then L must land back on 09:10.
  it('] moves 15 minutes, . jumps to the next change from there, L goes back to the clock the screen started with', () => {
    const screen = kioskAt('2026-05-07T09:10', { room: 'main' });
    const keys = kiosk(screen);
    keys.press({ key: ']' });
    expect(screen.state.clockOffset).toBe(15 * 60_000);
    keys.press({ key: '.' });
    // From 09:25 the next change is the end of the 09:00–09:40 talk.
    expect(at('2026-05-07T09:10') + screen.state.clockOffset).toBe(at('2026-05-07T09:40'));
    keys.press({ key: 'l' });
    expect(screen.state.clockOffset).toBe(0);
    keys.press({ key: '[' });
    expect(screen.state.clockOffset).toBe(-15 * 60_000);
  });

  it('a delay set in a rehearsal belongs to the rehearsed day, not the real one', () => {
    const screen = kioskAt('2026-05-06T23:50', { room: 'main' });
    const keys = kiosk(screen);
    keys.press({ key: ']' });
    keys.press({ key: '+' });
    expect(screen.state.delays).toEqual([{ room: 'main', day: '2026-05-07', minutes: 5, since: at('2026-05-07T00:05') }]);
  });

  it('before a program has arrived a delay has no day to belong to: it is not set, and the screen says so', () => {
    const screen = new ScreenController(
      { ...DEFAULT_SCREEN_STATE, room: 'main' },
      {
        clock: frozen('2026-05-06T09:15'),
        changed: () => {},
        log: () => {},
      },
    );
    kiosk(screen).press({ key: '+' });
    expect(screen.state.delays).toEqual([]);
    // Staff see why: a key lost without a word reads as a broken screen.
    expect(screen.state.notice).toEqual({ reason: 'not-ready' });
    expect(noticeText(screen.state.notice!)).toBe('The program is not in yet: nothing changed; try again in a moment');
  });

  it('a delay on all rooms is not set, and the screen says to choose a room', () => {
    const everywhere = kioskAt('2026-05-07T10:00', { room: null });
    kiosk(everywhere).press({ key: '+' });
    expect(everywhere.state.delays).toEqual([]);
    expect(noticeText(everywhere.state.notice!)).toMatch(/^Choose a room first/);
  });
});

describe('one command path for both hosts', () => {
  let hub: TestHub;
  beforeEach(async () => {
    hub = await startHub(twoRooms());
  });
  afterEach(() => hub.close());

  it('the kiosk and the browser board end every key of the same sequence in the same state', async () => {
    const clock = frozen('2026-05-07T09:10');
    const kioskKeys = kiosk(kioskAt('2026-05-07T09:10'));
    const browserKeys = browser(DEFAULT_SCREEN_STATE, clock, hub);
    await until(() => browserKeys.ready!(), 'the browser board to start');
    const sequence: Press[] = [
      { key: 'ArrowRight' },
      { key: '+', shift: true },
      { key: '+', shift: true, repeat: true },
      { key: ']' },
      { key: '.' },
      { key: 'A', shift: true },
      { key: 'ArrowRight' },
      { key: '-' },
      { key: 'f' },
      { key: 'ArrowLeft' },
      { key: 'n' },
      { key: 'e' },
      { key: 'i' },
      { key: 'Escape' },
      { key: 'q', ctrl: true },
      { key: 'CapsLock' },
      { key: 'AltGraph' },
      { key: 'NumLock' },
      { key: 'Fn' },
      { key: 'x' },
      { key: '2' },
      { key: 'Backspace' },
      { key: 'l' },
      { key: '?', shift: true },
      { key: 'x', alt: true },
    ];
    for (const press of sequence) {
      const handled = [kioskKeys.press(press), browserKeys.press(press)];
      expect(handled[1], `${press.key}: handled alike`).toBe(handled[0]);
      // The browser's shared keys go through the hub and come back on its event stream.
      await until(
        () => JSON.stringify(browserKeys.state()) === JSON.stringify(kioskKeys.state()),
        `the same state after ${press.key}`,
      ).catch(() => expect(browserKeys.state(), `after ${press.key}`).toEqual(kioskKeys.state()));
    }
    // The sequence did reach every part of the state.
    expect(kioskKeys.state()).toMatchObject({
      room: 'studio',
      view: 'agenda',
      showAnnouncements: true,
      emergency: true,
      overlay: 'help',
      roomStatus: [{ room: 'studio', day: '2026-05-07', status: 'full' }],
    });
    expect(kioskKeys.state().delays.length).toBeGreaterThan(0);
  });

  it('a quit confirmed in the browser closes the question (a tab cannot quit)', async () => {
    const keys = browser(DEFAULT_SCREEN_STATE, frozen('2026-05-07T09:10'), hub);
    await until(() => keys.ready!(), 'the browser board to start');
    keys.press({ key: 'q', ctrl: true });
    expect(keys.state().overlay).toBe('quit');
    keys.press({ key: 'y' });
    expect(keys.state().overlay).toBe('none');
  });

  it('without the staff token a shared key changes nothing, and the screen says a staff key is needed', async () => {
    const keys = browser({ ...DEFAULT_SCREEN_STATE, room: 'main' }, frozen('2026-05-07T09:10'), hub, null);
    await until(() => keys.ready!(), 'the browser board to start');
    keys.press({ key: '+' });
    keys.press({ key: 'e' });
    await until(() => keys.state().notice !== null, 'the notice');
    expect(noticeText(keys.state().notice!)).toMatch(/^Staff key needed/);
    expect(keys.state()).toMatchObject({ delays: [], emergency: false });
    const live = (await (await fetch(`${hub.base}/api/live?at=2026-05-07T09:10`)).json()) as { liveVersion: number };
    expect(live.liveVersion).toBe(0);
  });
});

describe('the rooms a screen shows: --group, --rooms and the G key', () => {
  /** The seed's room and four more, in two groups. */
  function grouped(): Program {
    const program = twoRooms();
    program.rooms.push({ id: 'lab', name: 'Lab' }, { id: 'annex', name: 'Annex' }, { id: 'hall', name: 'Hall' });
    program.groups = [
      { id: 'upstairs', name: 'Upstairs', rooms: ['lab', 'studio'] },
      { id: 'annexe', name: 'Annexe', rooms: ['annex', 'hall'] },
    ];
    return program;
  }
  const groupedKiosk = (flags: Partial<typeof DEFAULT_KIOSK_OPTIONS> = {}): ScreenController => {
    const screen = openKioskScreen({ ...DEFAULT_KIOSK_OPTIONS, ...flags }, join(dir, 'screen-state.json'), {
      clock: frozen('2026-05-06T09:15'),
      changed: () => {},
      log: (line) => logs.push(line),
    });
    screen.setProgram(grouped());
    return screen;
  };

  it('G goes through the groups, then back to every room; the room keys stay within the group', () => {
    const screen = groupedKiosk();
    const keys = kiosk(screen);
    keys.press({ key: 'g' });
    expect(screen.state).toMatchObject({ group: 'upstairs', room: null });
    keys.press({ key: 'ArrowRight' });
    expect(screen.state.room).toBe('lab');
    keys.press({ key: 'ArrowRight' });
    expect(screen.state.room).toBe('studio');
    keys.press({ key: 'ArrowRight' });
    expect(screen.state.room).toBeNull();
    keys.press({ key: '2' });
    expect(screen.state.room).toBe('studio');
    // Room 3 is not in the group: the key does nothing.
    keys.press({ key: '3' });
    expect(screen.state.room).toBe('studio');
    // A new group starts on all its rooms.
    keys.press({ key: 'G', shift: true });
    expect(screen.state).toMatchObject({ group: 'annexe', room: null });
    keys.press({ key: 'g' });
    expect(screen.state.group).toBeNull();
    keys.press({ key: '5' });
    expect(screen.state.room).toBe('hall');
  });

  it('remembers the group after a restart; --group or --rooms win over it and start on all their rooms', () => {
    const keys = kiosk(groupedKiosk());
    keys.press({ key: 'g' });
    keys.press({ key: 'ArrowRight' });
    expect(groupedKiosk().state).toMatchObject({ group: 'upstairs', room: 'lab', rooms: null });
    expect(groupedKiosk({ group: 'annexe' }).state).toMatchObject({ group: 'annexe', room: null, rooms: null });
    expect(groupedKiosk({ rooms: ['hall', 'main'] }).state).toMatchObject({ group: null, rooms: ['hall', 'main'], room: null });
    expect(groupedKiosk({ rooms: ['hall', 'main'], room: 'main' }).state.room).toBe('main');
  });

  it('with --rooms the room keys go through the listed rooms in the listed order, and G comes back to them', () => {
    const screen = groupedKiosk({ rooms: ['hall', 'main'] });
    const keys = kiosk(screen);
    keys.press({ key: 'ArrowRight' });
    expect(screen.state.room).toBe('hall');
    keys.press({ key: 'ArrowRight' });
    expect(screen.state.room).toBe('main');
    keys.press({ key: 'g' });
    keys.press({ key: 'g' });
    keys.press({ key: 'g' });
    expect(screen.state).toMatchObject({ group: null, rooms: ['hall', 'main'] });
    keys.press({ key: '1' });
    expect(screen.state.room).toBe('hall');
  });

  it('a one-room group is that room: a delay set there belongs to it', () => {
    const program = grouped();
    program.groups!.push({ id: 'main-only', name: 'Main', rooms: ['main'] });
    const screen = new ScreenController(
      { ...DEFAULT_SCREEN_STATE, group: 'main-only' },
      { clock: frozen('2026-05-06T09:15'), changed: () => {}, log: () => {} },
    );
    screen.setProgram(program);
    kiosk(screen).press({ key: '+' });
    expect(screen.state.delays.map((d) => d.room)).toEqual(['main']);
  });

  it('says which group or room the program lacks, and shows every room meanwhile', () => {
    groupedKiosk({ group: 'upstiars' });
    expect(logs).toContain('unknown group "upstiars" (groups: "upstairs", "annexe"); showing every room');
    logs.length = 0;
    const screen = groupedKiosk({ rooms: ['lab', 'labb'] });
    expect(logs).toContain('unknown room "labb" (rooms: "main", "studio", "lab", "annex", "hall"); showing the others');
    kiosk(screen).press({ key: 'ArrowRight' });
    expect(screen.state.room).toBe('lab');
  });
});
