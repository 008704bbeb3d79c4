/**
 * The browser board's URL options (renderer/src/query.ts, and the screen's own
 * in renderer/src/host/screen-options.ts), under the names the kiosk's flags
 * use: `view`, `distance`, `name`; the older `?mode=` is still read.
 */
import { describe, expect, it } from 'vitest';
import { parseScreenOptions } from '../../../renderer/src/host/screen-options.ts';
import { parseQuery } from '../../../renderer/src/query.ts';

describe('URL options', () => {
  it('speed: 0 freezes the clock; empty, negative or not a number is live speed', () => {
    expect(parseQuery('?speed=0').speed).toBe(0);
    expect(parseQuery('?speed=60').speed).toBe(60);
    expect(parseQuery('?speed=').speed).toBe(1);
    expect(parseQuery('?speed=-5').speed).toBe(1);
    expect(parseQuery('?speed=fast').speed).toBe(1);
    expect(parseQuery('').speed).toBe(1);
  });
});

describe('option names shared with the kiosk', () => {
  it('?view= picks the view, as --view does; the older ?mode= still works, and ?view= wins over it', () => {
    expect(parseQuery('?view=agenda').view).toBe('agenda');
    expect(parseQuery('?mode=spotlight').view).toBe('spotlight');
    expect(parseQuery('?view=agenda&mode=spotlight').view).toBe('agenda');
    expect(parseQuery('?view=cinema').view).toBeUndefined();
    expect(parseQuery('').view).toBeUndefined();
  });

  it('?distance= and ?diagonal= say how the screen is seen, as --distance and --diagonal do', () => {
    expect(parseQuery('?distance=2.5&diagonal=32').display).toEqual({ viewingDistance: 2.5, diagonal: 32 });
    expect(parseQuery('?distance=far').display).toEqual({});
  });

  it('?name= names the screen, as --name does', () => {
    expect(parseScreenOptions('?name=Hall%20B%20door').name).toBe('Hall B door');
    expect(parseScreenOptions('').name).toBe('Browser board');
  });
});
