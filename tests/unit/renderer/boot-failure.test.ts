import { describe, expect, it } from 'vitest';
import { readHeartbeat } from '../../../core/hub/rules/wire.ts';
import { failureHeartbeat, failureText, retryDelayMs } from '../../../renderer/src/boot/boot-failure.ts';
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
