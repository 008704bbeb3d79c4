/**
 * The kiosk's display commands at sleep hours (electron/display-power.ts),
 * wired as electron/main.ts wires them, on a time-lapse clock (2 clock minutes
 * per real second) and a real script that records each call. No Electron:
 * the module needs none.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { validateProgramText } from '../../../core/program/validate.ts';
import { ScreenController } from '../../../core/screen/controller.ts';
import { DEFAULT_SLEEP_HOURS } from '../../../core/screen/sleep.ts';
import { DEFAULT_SCREEN_STATE } from '../../../core/screen/state.ts';
import { watchSleep, type SleepWatch } from '../../../electron/display-power.ts';
import { ROOT, until } from '../../hub-screens.ts';

const ZONE = 'Europe/Stockholm';
const SPEED = 120;

let dir: string;
let watch: SleepWatch | null = null;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'foyer-display-'));
  process.env.FOYER_DISPLAY_LOG = join(dir, 'calls.log');
});
afterEach(() => {
  watch?.stop();
  delete process.env.FOYER_DISPLAY_LOG;
  rmSync(dir, { recursive: true, force: true });
});

it('switches the display on at start by day, off 30 min after the last item, on for a staff key, off again 10 min later', async () => {
  const program = validateProgramText(readFileSync(join(ROOT, 'data', 'program.json'), 'utf8'));
  if (!program.ok) throw new Error('seed');
  const realStart = Date.now();
  // Day 1's last item ends 17:05, so the screen sleeps at 17:35; the clock starts at 17:34.
  const clock = { at: '2026-05-06T17:34', speed: SPEED, realStart };
  const logs: string[] = [];
  const script = join(ROOT, 'tests', 'fixtures', 'display', 'record.sh');
  const screen = new ScreenController(DEFAULT_SCREEN_STATE, {
    clock,
    changed: () => watch?.update(),
    log: (line) => logs.push(line),
    sleep: DEFAULT_SLEEP_HOURS,
  });
  screen.setProgram(program.program);
  watch = watchSleep(screen, { off: `sh ${script} off`, on: `sh ${script} on` }, (line) => logs.push(line));

  const calls = (): { what: string; clock: string }[] => {
    let text: string;
    try {
      text = readFileSync(process.env.FOYER_DISPLAY_LOG!, 'utf8');
    } catch {
      return [];
    }
    const base = DateTime.fromISO(clock.at, { zone: ZONE }).toMillis();
    return text
      .trim()
      .split('\n')
      .map((line) => {
        const [what, ms] = line.split(' ');
        const at = base + (Number(ms) - realStart) * SPEED;
        return { what: what!, clock: DateTime.fromMillis(at, { zone: ZONE }).toFormat('HH:mm') };
      });
  };

  await until(() => calls().length === 2, 'on at start, then off at 17:35', 5_000);
  expect(calls()[0]).toEqual({ what: 'on', clock: '17:34' });
  expect(calls()[1]!.what).toBe('off');
  // A call takes a few real milliseconds, a few clock seconds here: within the minute of 17:35.
  expect(['17:35', '17:36']).toContain(calls()[1]!.clock);

  expect(screen.handleKey({ type: 'keyDown', key: 'b' }).handled).toBe(true);
  await until(() => calls().length === 4, 'on for the key, off ten minutes later', 10_000);
  const [, , on, off] = calls();
  expect(on!.what).toBe('on');
  expect(off!.what).toBe('off');
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
  expect(minutes(off!.clock) - minutes(on!.clock)).toBeGreaterThanOrEqual(9);
  expect(minutes(off!.clock) - minutes(on!.clock)).toBeLessThanOrEqual(11);
  // Each command's exit is logged once it has ended, a moment after its call was recorded.
  await until(() => logs.filter((l) => l.startsWith('display ')).length === 4, 'the fourth exit');
  expect(logs.filter((l) => l.startsWith('display '))).toEqual([
    `display on: sh ${script} on`,
    `display off: sh ${script} off`,
    `display on: sh ${script} on`,
    `display off: sh ${script} off`,
  ]);
});

it('a command that fails is logged with its exit code; the screen goes on', async () => {
  const program = validateProgramText(readFileSync(join(ROOT, 'data', 'program.json'), 'utf8'));
  if (!program.ok) throw new Error('seed');
  const logs: string[] = [];
  const screen = new ScreenController(DEFAULT_SCREEN_STATE, {
    clock: { at: '2026-05-06T22:00', speed: 0, realStart: 0 },
    changed: () => {},
    log: () => {},
    sleep: DEFAULT_SLEEP_HOURS,
  });
  screen.setProgram(program.program);
  watch = watchSleep(screen, { off: 'exit 3', on: null }, (line) => logs.push(line));
  await until(() => logs.some((l) => l.startsWith('display off')), 'the failed command');
  expect(logs).toEqual(['sleep hours: the screen goes black', 'display off: "exit 3" exited with 3']);
});
