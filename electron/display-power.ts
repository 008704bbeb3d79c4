/**
 * Sleep hours on a kiosk: the board goes black by itself (it reads the same
 * decision), and this switches the display off and on with the technician's
 * commands (`--display-off "xset dpms force off"`, `--display-on …`) at the
 * moments core/screen/sleep.ts decides, re-checked whenever the screen's state
 * or program changes (a staff key wakes it) and otherwise asleep in one timer.
 * No Electron here: tested in Node with a script that records its calls.
 */
import { spawn } from 'node:child_process';
import type { ScreenController } from '../core/screen/controller.ts';
import type { Log } from './log.ts';

export interface DisplayCommands {
  off: string | null;
  on: string | null;
}

/** Runs a configured command through the shell; its exit is logged, a hang is cut after 15 s. */
export function runDisplayCommand(command: string, what: string, log: Log): Promise<number | null> {
  return new Promise((done) => {
    const child = spawn(command, { shell: true, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      log(`display ${what}: "${command}" failed to start (${error.message})`);
      done(null);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) log(`display ${what}: ${command}`);
      else log(`display ${what}: "${command}" exited with ${code ?? 'a signal'}`);
      done(code);
    });
  });
}

export interface SleepWatch {
  /** Decide again now (after a state or program change). */
  update(): void;
  stop(): void;
}

export function watchSleep(screen: ScreenController, commands: DisplayCommands, log: Log): SleepWatch {
  let asleep: boolean | null = null;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  // One command at a time, in order: an "on" still starting must not land after the "off" that followed it.
  let running: Promise<unknown> = Promise.resolve();
  const update = (): void => {
    if (stopped) return;
    clearTimeout(timer);
    const decision = screen.sleep();
    // The first decision is acted on too: a kiosk restarted at night switches the display off,
    // and one restarted by day switches on a display an earlier run left off.
    if (decision.asleep !== asleep) {
      asleep = decision.asleep;
      log(asleep ? 'sleep hours: the screen goes black' : 'awake: the board shows again');
      const command = asleep ? commands.off : commands.on;
      const what = asleep ? 'off' : 'on';
      if (command !== null) running = running.then(() => runDisplayCommand(command, what, log));
    }
    if (decision.changesAt !== null) {
      // Long waits are re-armed: setTimeout caps at ~24.8 days.
      const wait = Math.min(2 ** 31 - 1, Math.max(1, Math.ceil(screen.realDelayUntil(decision.changesAt))));
      if (Number.isFinite(wait)) timer = setTimeout(update, wait);
    }
  };
  update();
  return {
    update,
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
