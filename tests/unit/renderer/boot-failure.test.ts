import { describe, expect, it } from 'vitest';
import { readHeartbeat } from '../../../core/hub/rules/wire.ts';
import {
  BOOT_LANGUAGES,
  bootLanguage,
  failureHeartbeat,
  failureText,
  retryDelayMs,
} from '../../../renderer/src/boot/boot-failure.ts';
import { LANGUAGES } from '../../../core/i18n/index.ts';
import { screenNameOf } from '../../../renderer/src/host/screen-identity.ts';

describe('a board that could not start', () => {
  it('tries again after 10 s, doubling up to 5 minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(retryDelayMs)).toEqual([
      10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000,
    ]);
  });

  it('names the screen as its URL does, and says when it tries again', () => {
    expect(screenNameOf('?name=%20Hall%20B%20door%20&at=x', 'web-0123456789abcdef')).toBe('Hall B door');
    // No name: one from the tab's id, so that two tabs are told apart on the fleet page.
    expect(screenNameOf('?at=x', 'web-0123456789abcdef')).toBe('Browser board cdef');
    expect(failureText('Hall B door', 'SyntaxError: Unexpected token', 1)).toEqual({
      headline: 'Hall B door: the board could not start.',
      detail: 'SyntaxError: Unexpected token',
      retry: 'Trying again in 10 s.',
    });
    expect(failureText('Hall B', 'x', 7).retry).toBe('Trying again in 5 min (try 7).');
  });

  it('says it in the screen’s language: ?lang= first, then the program’s, else English', () => {
    expect(bootLanguage('?lang=de-AT,en', 'fr')).toBe('de');
    expect(bootLanguage('?room=a', 'sv')).toBe('sv');
    expect(bootLanguage('', null)).toBe('en');
    expect(bootLanguage('?lang=tlh', null)).toBe('en');
    expect(failureText('Saal B', 'SyntaxError', 2, 'de')).toEqual({
      headline: 'Saal B: Die Anzeige konnte nicht starten.',
      detail: 'SyntaxError',
      retry: 'Neuer Versuch in 20 s (Versuch 2).',
    });
    expect(failureText('Salle B', 'x', 7, 'fr').headline).toBe('Salle B\u00a0: l’affichage n’a pas pu démarrer.');
    expect(failureText('قاعة', 'x', 7, 'ar').retry).toBe('محاولة جديدة بعد 5 د (المحاولة 7).');
    // Every language the board ships, and a `$` in a screen's name is only a character.
    expect([...BOOT_LANGUAGES].sort()).toEqual([...LANGUAGES].sort());
    expect(failureText('$& hall', 'x', 1, 'es').headline).toBe('$& hall: la pantalla no pudo iniciarse.');
  });

  it('reports a heartbeat the hub accepts, its error as the last error', () => {
    const failure = {
      id: 'web-0123456789abcdef',
      name: 'Hall B door',
      search: '?room=main&view=agenda',
      version: '0.1.0',
      window: { width: 1920, height: 1080 },
      uptime: 3.4,
      error: 'SyntaxError: Unexpected token',
    };
    const heartbeat = failureHeartbeat(failure);
    const read = readHeartbeat(heartbeat);
    expect(read).toEqual({ ok: true, value: heartbeat });
    expect(heartbeat).toMatchObject({ room: 'main', view: 'agenda', uptime: 3, programVersion: null });
    expect(heartbeat.lastError).toBe('the board could not start: SyntaxError: Unexpected token');
    expect(failureHeartbeat({ ...failure, search: '?mode=spotlight' }).view).toBe('spotlight'); // the old spelling
    expect(failureHeartbeat({ ...failure, search: '?view=rooms', error: 'e' }).view).toBe('board');
  });
});
