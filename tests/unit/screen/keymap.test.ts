/**
 * The staff keymap is one table (core/screen/keymap.ts): what a key does, what
 * the help and docs/venue-operation.md say it does, and which part of the state it changes
 * all come from it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { t } from '../../../core/i18n/index.ts';
import { HOTKEYS, keyToCommand, MODIFIER_KEYS, scopeOf, type KeyInput } from '../../../core/screen/keymap.ts';
import { reduceLocal, reduceShared } from '../../../core/screen/reducers.ts';
import {
  DEFAULT_SCREEN_STATE,
  type Command,
  type CommandContext,
  type LocalState,
  type SharedState,
} from '../../../core/screen/state.ts';

/** The rows of the first Markdown table after `heading`. */
function tableAfter(markdown: string, heading: string): { keys: string; action: string }[] {
  const section = markdown.slice(markdown.indexOf(`\n${heading}\n`));
  const lines = section.split('\n');
  const start = lines.findIndex((line) => line.startsWith('|'));
  const rows = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    const [keys = '', action = ''] = line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim());
    rows.push({ keys, action });
  }
  return rows;
}

/** A key press for a chord as the table writes it ("Ctrl+q", "F5", "a"). */
function inputOf(chord: string): KeyInput {
  return chord.startsWith('Ctrl+') ? { key: chord.slice('Ctrl+'.length), control: true } : { key: chord };
}

// Every command there is: the compiler makes this list complete, the test makes the table classify each one.
const EVERY_COMMAND: Record<Command['type'], Command> = {
  'room-next': { type: 'room-next' },
  'room-previous': { type: 'room-previous' },
  'room-number': { type: 'room-number', number: 1 },
  'group-next': { type: 'group-next' },
  view: { type: 'view', view: 'agenda' },
  delay: { type: 'delay', minutes: 5 },
  'delay-reset': { type: 'delay-reset' },
  'announcements-toggle': { type: 'announcements-toggle' },
  'emergency-toggle': { type: 'emergency-toggle' },
  'room-status-cycle': { type: 'room-status-cycle' },
  'identify-toggle': { type: 'identify-toggle' },
  'help-toggle': { type: 'help-toggle' },
  'close-overlay': { type: 'close-overlay' },
  'rehearsal-shift': { type: 'rehearsal-shift', minutes: 15 },
  'rehearsal-next-boundary': { type: 'rehearsal-next-boundary' },
  'rehearsal-live': { type: 'rehearsal-live' },
  reload: { type: 'reload' },
  'quit-request': { type: 'quit-request' },
  'quit-confirm': { type: 'quit-confirm' },
};

describe('the keymap table', () => {
  it("is the venue operation page's hotkey table, row for row", () => {
    const page = readFileSync(new URL('../../../docs/venue-operation.md', import.meta.url), 'utf8');
    expect(tableAfter(page, '## Hotkeys for staff')).toEqual(HOTKEYS.map(({ keys, action }) => ({ keys, action: t(action) })));
  });

  it('every chord it lists does what its row says', () => {
    for (const row of HOTKEYS)
      for (const [chord, command] of Object.entries(row.bind)) expect(keyToCommand(inputOf(chord)), chord).toEqual(command);
  });

  it('classifies every command, and each changes only the part of the state its class says', () => {
    const ctx: CommandContext = {
      room: 'main',
      rooms: ['main', 'studio'],
      groups: ['floor-1'],
      now: 1e12,
      liveNow: 1e12,
      day: '2026-05-06',
      nextBoundary: 1e12 + 60_000,
    };
    const state = { ...DEFAULT_SCREEN_STATE, room: 'main', overlay: 'quit' as const, clockOffset: 60_000 };
    const shared = (s: SharedState) => ({
      delays: s.delays,
      showAnnouncements: s.showAnnouncements,
      emergency: s.emergency,
      roomStatus: s.roomStatus,
    });
    const local = ({ name, room, group, rooms, view, overlay, clockOffset }: LocalState) => ({
      name,
      room,
      group,
      rooms,
      view,
      overlay,
      clockOffset,
    });
    const classes: Record<string, string[]> = { shared: [], local: [] };
    for (const [type, command] of Object.entries(EVERY_COMMAND)) {
      const scope = scopeOf(command);
      classes[scope]!.push(type);
      const at = { room: state.room, day: ctx.day, now: ctx.now };
      if (scope === 'shared') {
        expect(reduceLocal(state, command, ctx), type).toBe(state);
        expect(local(reduceShared(state, command, at))).toEqual(local(state));
      } else {
        expect(reduceShared(state, command, at), type).toBe(state);
        expect(shared(reduceLocal(state, command, ctx))).toEqual(shared(state));
      }
    }
    expect(classes.shared).toEqual(['delay', 'delay-reset', 'announcements-toggle', 'emergency-toggle', 'room-status-cycle']);
    // And every command, reload and quit included, has a row in the table.
    const rowTypes = new Set(
      HOTKEYS.flatMap((r) => [...Object.values(r.bind), ...Object.values(r.answers ?? {})].map((c) => c.type)),
    );
    expect([...rowTypes].sort()).toEqual(Object.keys(EVERY_COMMAND).sort());
  });

  it('reads a letter alike with Shift or CapsLock', () => {
    expect(keyToCommand({ key: 'B', shift: true })).toEqual({ type: 'view', view: 'board' });
    expect(keyToCommand({ key: 'Q', control: true })).toEqual({ type: 'quit-request' });
  });

  it('leaves Alt chords to the system and Ctrl chords it does not know to the page', () => {
    expect(keyToCommand({ key: 'F4', alt: true })).toBeNull();
    expect(keyToCommand({ key: 'a', alt: true })).toBeNull();
    expect(keyToCommand({ key: 'a', control: true })).toBeNull();
  });

  it('a modifier or lock key alone is never a command, so it never answers the quit question', () => {
    for (const key of MODIFIER_KEYS) {
      expect(keyToCommand({ key }), key).toBeNull();
      expect(keyToCommand({ key }, 'quit'), key).toBeNull();
    }
    expect(keyToCommand({ key: 'y' }, 'quit')).toEqual({ type: 'quit-confirm' });
    expect(keyToCommand({ key: 'Y', shift: true }, 'quit')).toEqual({ type: 'quit-confirm' });
    expect(keyToCommand({ key: 'Escape' }, 'quit')).toEqual({ type: 'close-overlay' });
    expect(keyToCommand({ key: 'a' }, 'quit')).toEqual({ type: 'close-overlay' });
  });
});
