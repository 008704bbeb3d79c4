import { describe, expect, it } from 'vitest';
import { boardUrl, browserArgs, findBrowser, hasDisplay, parseScreenSize } from '../../../build/tools/browser-fallback.ts';

describe('browser fallback of npm start', () => {
  it('finds Chromium on the PATH, and prefers the one FOYER_BROWSER names', () => {
    const installed = new Set(['/usr/local/bin/google-chrome', '/usr/bin/chromium', '/opt/chrome/chrome']);
    const exists = (path: string) => installed.has(path);
    expect(findBrowser({ PATH: '/usr/local/bin:/usr/bin' }, 'linux', exists)).toBe('/usr/bin/chromium');
    expect(findBrowser({ PATH: '/usr/local/bin' }, 'linux', (p) => p === '/usr/local/bin/google-chrome')).toBe(
      '/usr/local/bin/google-chrome',
    );
    expect(findBrowser({ PATH: '/usr/bin', FOYER_BROWSER: '/opt/chrome/chrome' }, 'linux', exists)).toBe('/opt/chrome/chrome');
    expect(findBrowser({ PATH: '/usr/bin', FOYER_BROWSER: '/nonexistent' }, 'linux', exists)).toBeNull();
    expect(findBrowser({ PATH: '/nowhere' }, 'linux', () => false)).toBeNull();
  });

  it('looks in Program Files on Windows', () => {
    const chrome = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe';
    expect(findBrowser({ PROGRAMFILES: 'C:\\Program Files' }, 'win32', (p) => p === chrome)).toBe(chrome);
  });

  it('opens the board as a kiosk app in a throwaway profile with no background networking', () => {
    const args = browserArgs({ url: 'http://127.0.0.1:8730/', profileDir: '/tmp/p', kiosk: true, runningAsRoot: false });
    expect(args).toEqual(
      expect.arrayContaining(['--kiosk', '--app=http://127.0.0.1:8730/', '--user-data-dir=/tmp/p', '--no-first-run']),
    );
    expect(args).toEqual(
      expect.arrayContaining(['--disable-background-networking', '--disable-component-update', '--disable-sync']),
    );
    expect(args).not.toContain('--no-sandbox');
    const windowed = browserArgs({ url: 'http://127.0.0.1:8730/', profileDir: '/tmp/p', kiosk: false, runningAsRoot: true });
    expect(windowed).not.toContain('--kiosk');
    expect(windowed).toContain('--no-sandbox');
  });

  it('hands --room, --group, --rooms, --view, --name and --sleep to the browser board as its URL options', () => {
    expect(
      boardUrl('http://hub.local:4173/', { room: 'a', view: null, screenName: 'Hall B door', sleep: { before: 60, after: 30 } }),
    ).toBe('http://hub.local:4173/?room=a&name=Hall+B+door&sleep=60%2C30');
    expect(boardUrl('http://127.0.0.1:8730/', { room: 'main', view: 'agenda' })).toBe(
      'http://127.0.0.1:8730/?room=main&view=agenda',
    );
    expect(boardUrl('http://127.0.0.1:8730/', { room: null, view: null })).toBe('http://127.0.0.1:8730/');
    const selection = new URL(boardUrl('http://127.0.0.1:8730/', { room: null, group: 'stages', rooms: ['a', 'b'], view: null }));
    expect([selection.searchParams.get('group'), selection.searchParams.get('rooms')]).toEqual(['stages', 'a,b']);
    expect(boardUrl('http://127.0.0.1:8730/', { room: 'Hall B & C', view: null })).toBe(
      'http://127.0.0.1:8730/?room=Hall+B+%26+C',
    );
  });

  it('knows a Linux session without DISPLAY or WAYLAND_DISPLAY cannot show a window', () => {
    expect(hasDisplay({}, 'linux')).toBe(false);
    expect(hasDisplay({ DISPLAY: ':0' }, 'linux')).toBe(true);
    expect(hasDisplay({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBe(true);
    expect(hasDisplay({}, 'win32')).toBe(true);
  });
});

describe('screen size for the kiosk window', () => {
  it('reads xdpyinfo and xwininfo -root', () => {
    expect(parseScreenSize('screen #0:\n  dimensions:    3840x2160 pixels (1016x571 millimeters)')).toEqual({
      width: 3840,
      height: 2160,
    });
    expect(parseScreenSize('  Width: 1080\n  Height: 1920\n')).toEqual({ width: 1080, height: 1920 });
    expect(parseScreenSize('xdpyinfo:  unable to open display ":9".')).toBeNull();
  });

  it('places a kiosk window over the whole screen; a windowed one keeps its size', () => {
    const screen = { width: 1920, height: 1080 };
    const kiosk = browserArgs({ url: 'http://127.0.0.1:8730/', profileDir: '/tmp/p', kiosk: true, runningAsRoot: false, screen });
    expect(kiosk).toContain('--window-position=0,0');
    expect(kiosk).toContain('--window-size=1921,1081');
    const windowed = browserArgs({
      url: 'http://127.0.0.1:8730/',
      profileDir: '/tmp/p',
      kiosk: false,
      runningAsRoot: false,
      screen,
    });
    expect(windowed).not.toContain('--window-position=0,0');
  });

  it('hands --distance and --diagonal to the browser board', () => {
    expect(boardUrl('http://127.0.0.1:8730/', { room: null, view: null, screen: { viewingDistance: 2.5, diagonal: 32 } })).toBe(
      'http://127.0.0.1:8730/?distance=2.5&diagonal=32',
    );
  });
});
