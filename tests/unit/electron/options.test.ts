import { describe, expect, it } from 'vitest';
import { kioskArgsOf, parseLaunchArgs } from '../../../build/tools/launch-options.ts';
import { DEFAULT_KIOSK_OPTIONS, kioskStartArgs, parseKioskArgs, refusedDebugSwitches } from '../../../electron/options.ts';

describe('kiosk flags', () => {
  it('reads every documented flag, in both --flag value and --flag=value form', () => {
    const result = parseKioskArgs([
      '--program',
      'https://example.org/program.json',
      '--display=2',
      '--name',
      'Hall B, left of the door',
      '--room=main',
      '--group',
      'stages',
      '--rooms=saal-1, saal-2,,stage-huff',
      '--view',
      'agenda',
      '--poll',
      '30',
      '--timezone=Europe/Stockholm',
      '--windowed',
      '--hub',
      'http://hub.local:4173/',
      '--token-file=/etc/foyer/staff-token',
      '--sleep',
      '45,20',
      '--display-off',
      'xset dpms force off',
      '--display-on=xset dpms force on',
      '--distance',
      '2.5',
      '--diagonal=32',
      '--max-size',
      '50',
      '--lang=de,en',
      '--clock',
      '12',
    ]);
    expect(result).toEqual({
      ok: true,
      ignored: [],
      options: {
        program: 'https://example.org/program.json',
        display: 2,
        screenName: 'Hall B, left of the door',
        room: 'main',
        group: 'stages',
        rooms: ['saal-1', 'saal-2', 'stage-huff'],
        view: 'agenda',
        pollSeconds: 30,
        timezone: 'Europe/Stockholm',
        windowed: true,
        devtools: false,
        hub: 'http://hub.local:4173/',
        tokenFile: '/etc/foyer/staff-token',
        sleep: { before: 45, after: 20 },
        displayOff: 'xset dpms force off',
        displayOn: 'xset dpms force on',
        screen: { viewingDistance: 2.5, diagonal: 32 },
        maxBytes: 50 * 1024 * 1024,
        lang: 'de,en',
        clock: '12',
      },
    });
    expect(parseKioskArgs(['--sleep', 'on'])).toMatchObject({ options: { sleep: { before: 60, after: 30 } } });
    expect(parseKioskArgs(['--sleep=off'])).toMatchObject({ options: { sleep: null } });
    expect(parseKioskArgs(['--clock=13'])).toMatchObject({ ok: false });
    expect(parseKioskArgs(['--lang', 'German'])).toMatchObject({ ok: false });
  });

  it('with no flags shows the embedded program full screen on the primary display', () => {
    expect(parseKioskArgs([])).toEqual({ ok: true, options: DEFAULT_KIOSK_OPTIONS, ignored: [] });
  });

  it("ignores (and reports) Chromium's and test drivers' switches and Electron's app path", () => {
    const result = parseKioskArgs(['.', '--no-sandbox', '--remote-debugging-port=0', '--inspect=0', '--room', 'main']);
    expect(result).toEqual({
      ok: true,
      options: { ...DEFAULT_KIOSK_OPTIONS, room: 'main' },
      ignored: ['.', '--no-sandbox', '--remote-debugging-port=0', '--inspect=0'],
    });
  });

  it.each([
    [['--display', '0'], '--display must be a display number 1, 2, …, not "0"'],
    [['--display', 'HDMI-1'], '--display must be a display number 1, 2, …, not "HDMI-1"'],
    [['--view', 'cinema'], '--view must be one of board, agenda, spotlight, not "cinema"'],
    [['--rooms', ' , ,'], '--rooms needs room ids separated by commas, like saal-1,saal-2, not " , ,"'],
    [['--group'], '--group needs a value'],
    [['--poll', '1'], '--poll must be a number of seconds, at least 5, not "1"'],
    [['--timezone', 'CEST'], '--timezone must be an IANA zone like Europe/Stockholm, not "CEST"'],
    [['--program'], '--program needs a value'],
    [['--program', '--windowed'], '--program needs a value'],
    [['--name='], '--name needs a value'],
    [['--screen-name='], '--name needs a value'],
    [['--windowed=yes'], '--windowed takes no value'],
    [['--hub', 'hub.local:4173'], '--hub must be an http(s) URL like http://hub.local:4173/, not "hub.local:4173"'],
    [['--sleep', 'nights'], '--sleep: "nights" is not on, off or BEFORE,AFTER in minutes (e.g. 60,30)'],
    [['--distance', 'far'], '--distance must be a number of metres from 0.5 to 60, not "far"'],
    [['--viewing-distance', 'far'], '--distance must be a number of metres from 0.5 to 60, not "far"'],
    [['--diagonal', '4'], '--diagonal must be a number of inches from 7 to 300, not "4"'],
    [['--max-size', 'huge'], '--max-size must be a number of megabytes, e.g. 50, not "huge"'],
  ])('refuses %j: %s', (argv, error) => {
    expect(parseKioskArgs(argv)).toEqual({ ok: false, error });
  });
});

describe('option names the kiosk shares with the browser board (view, distance, name)', () => {
  it('reads the older spellings --screen-name and --viewing-distance as --name and --distance', () => {
    const now = parseKioskArgs(['--name', 'Hall B', '--distance=3', '--view', 'spotlight']);
    const before = parseKioskArgs(['--screen-name', 'Hall B', '--viewing-distance=3', '--view', 'spotlight']);
    expect(now).toEqual(before);
    expect(now.ok && now.options).toMatchObject({ screenName: 'Hall B', screen: { viewingDistance: 3 }, view: 'spotlight' });
  });

  it('npm start hands either spelling on to the kiosk, and its browser fallback as ?view=, ?distance=, ?name=', () => {
    const parsed = parseLaunchArgs(['--screen-name=Door', '--viewing-distance', '4', '--view', 'agenda', '--no-open']);
    expect(parsed.ok && parsed.options).toMatchObject({ screenName: 'Door', screen: { viewingDistance: 4 }, view: 'agenda' });
    expect(kioskArgsOf(['--screen-name=Door', '--no-open'])).toEqual(['--screen-name=Door']);
  });
});

describe('debugging switches (#10)', () => {
  const argv = ['.', '--no-sandbox', '--remote-debugging-port=9222', '--inspect', '--js-flags=--expose-gc', '--room', 'main'];

  it('the installed app refuses every switch that opens it to a debugger', () => {
    const parsed = parseKioskArgs(argv);
    expect(parsed.ok && refusedDebugSwitches(parsed.ignored, true)).toEqual([
      '--remote-debugging-port=9222',
      '--inspect',
      '--js-flags=--expose-gc',
    ]);
    expect(refusedDebugSwitches(['--remote-debugging-pipe', '--inspect-brk=0', '--no-sandbox'], true)).toEqual([
      '--remote-debugging-pipe',
      '--inspect-brk=0',
    ]);
  });

  it('a development run keeps them (test drivers attach through them)', () => {
    expect(refusedDebugSwitches(argv, false)).toEqual([]);
  });
});

describe('npm start flags', () => {
  it('adds the fallback hub flags', () => {
    const result = parseLaunchArgs(['--no-open', '--port', '0', '--host=0.0.0.0', '--room', 'main']);
    expect(result.ok && result.options).toMatchObject({ open: false, port: 0, host: '0.0.0.0', room: 'main' });
  });

  it('refuses a misspelt flag instead of silently ignoring it', () => {
    expect(parseLaunchArgs(['--dispaly', '2'])).toEqual({ ok: false, error: 'unknown flag --dispaly' });
    expect(parseLaunchArgs(['data/program.json'])).toEqual({ ok: false, error: 'unexpected argument "data/program.json"' });
    expect(parseLaunchArgs(['--port', '70000'])).toEqual({ ok: false, error: '--port must be 0–65535, not "70000"' });
  });

  it('hands the kiosk its flags and keeps the fallback-only ones for itself', () => {
    expect(kioskArgsOf(['--no-open', '--port', '0', '--room', 'main', '--host=::1', '--windowed'])).toEqual([
      '--room',
      'main',
      '--windowed',
    ]);
    // And what it hands on parses cleanly on the other side.
    expect(parseKioskArgs(kioskArgsOf(['--port=8080', '--display', '2'])).ok).toBe(true);
  });
});

describe('the kiosk as it starts', () => {
  it('prints one line and the usage for a bad flag, refuses debugging switches only when installed', () => {
    const bad = kioskStartArgs(['--view', 'wall'], false);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error.split('\n')[0]).toMatch(/^--view must be/);
    expect(!bad.ok && bad.error).toContain('--distance M');
    // The usage lists one name per option; the older spellings work but are not advertised.
    expect(!bad.ok && bad.error).not.toContain('--viewing-distance');
    expect(!bad.ok && bad.error).not.toContain('--screen-name');
    const debug = ['.', '--remote-debugging-port=9222', '--room', 'main'];
    expect(kioskStartArgs(debug, true)).toEqual({ ok: false, error: 'the installed app refuses --remote-debugging-port=9222' });
    expect(kioskStartArgs(debug, false)).toMatchObject({ ok: true, options: { room: 'main' } });
  });
});
