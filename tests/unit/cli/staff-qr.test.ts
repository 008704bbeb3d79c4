/**
 * `npm run hub -- --staff-qr`: the staff link drawn in the terminal is the encoder's code for that link (read back
 * from the printed half blocks, module by module), one per address a phone can reach, and the staff token is printed
 * nowhere but in the lines meant for staff: never in the rest of the hub's output, never into a pipe or a log.
 */
import { describe, expect, it } from 'vitest';
import { hubBanner } from '../../../core/cli/hub-banner.ts';
import { PAINT, QUIET_ZONE, qrModules, staffLink, staffQr } from '../../../core/cli/staff-qr.ts';

const TOKEN = 'Zq3r9XkP0aLm7TbW2vYc5NdH8sJf4GeU';
const BASES = ['http://192.168.1.20:4173/', 'http://10.0.0.5:4173/'];

/** The modules as printed: two rows per line, quiet zone and all (true: dark). */
function readBack(lines: readonly string[]): boolean[][] {
  const rows: boolean[][] = [];
  for (const painted of lines) {
    expect(painted.startsWith(PAINT.start) && painted.endsWith(PAINT.end)).toBe(true);
    const line = painted.slice(PAINT.start.length, -PAINT.end.length);
    const upper: boolean[] = [];
    const lower: boolean[] = [];
    for (const char of line) {
      expect(' ▀▄█').toContain(char);
      upper.push(char === '█' || char === '▀');
      lower.push(char === '█' || char === '▄');
    }
    rows.push(upper, lower);
  }
  return rows;
}

describe('the staff link as a QR code', () => {
  const printed = staffQr(BASES, TOKEN, { terminal: true, loopbackOnly: false });

  it('draws, per address, the encoder’s code for that address’s staff link, with a quiet zone of 4 modules', () => {
    const codes = printed.out.filter((l) => l.startsWith(PAINT.start));
    const modules = BASES.map((base) => qrModules(staffLink(base, TOKEN)));
    expect(modules.map((m) => m.length)).toEqual([37, 37]);
    expect(staffLink(BASES[0]!, TOKEN)).toBe(`http://192.168.1.20:4173/control#staff=${TOKEN}`);
    let at = 0;
    for (const expected of modules) {
      const side = expected.length + 2 * QUIET_ZONE;
      const lines = codes.slice(at, at + Math.ceil(side / 2));
      at += lines.length;
      const rows = readBack(lines).slice(0, side);
      expect(rows.every((row) => row.length === side)).toBe(true);
      // Nothing dark in the quiet zone; inside it, module for module the encoder's matrix.
      const inner = rows.slice(QUIET_ZONE, -QUIET_ZONE).map((row) => row.slice(QUIET_ZONE, -QUIET_ZONE));
      expect(inner).toEqual(expected);
      expect(rows.flat().filter(Boolean).length).toBe(expected.flat().filter(Boolean).length);
    }
    expect(at).toBe(codes.length);
    // The two links differ, and so do their codes.
    expect(modules[0]).not.toEqual(modules[1]);
  });

  it('prints the token only in the staff link lines; the rest of the hub’s output says <token>', () => {
    const banner = hubBanner({
      base: BASES[0]!,
      reachable: BASES,
      url: BASES[0]!,
      demo: false,
      program: 'program.json',
      hasProgram: true,
      stateDir: '/var/lib/foyer',
      tokenFile: '/etc/foyer/staff-token',
    });
    const output = [...banner, ...printed.out, ...printed.notes];
    expect(output.filter((l) => l.includes(TOKEN))).toEqual(BASES.map((base) => `Staff link: ${staffLink(base, TOKEN)}`));
    expect(banner).toContain(`Control (staff phones): ${BASES[0]}control#staff=<token>`);
    expect(printed.notes).toEqual([]);
  });

  it('never into a pipe or a log file: there it says why and prints nothing of the token', () => {
    const piped = staffQr(BASES, TOKEN, { terminal: false, loopbackOnly: false });
    expect(piped.out).toEqual([]);
    expect(piped.notes).toEqual([
      '--staff-qr: not drawn, the output is no terminal: the staff link carries the staff token, which never goes into a pipe or a log file',
    ]);
    const local = staffQr(['http://127.0.0.1:4173/'], TOKEN, { terminal: true, loopbackOnly: true });
    expect(local.notes).toEqual([
      '--staff-qr: the hub listens on this machine only (127.0.0.1); for phones start it with --host 0.0.0.0',
    ]);
    expect(local.out.filter((l) => l.includes(TOKEN))).toEqual([`Staff link: http://127.0.0.1:4173/control#staff=${TOKEN}`]);
  });
});
