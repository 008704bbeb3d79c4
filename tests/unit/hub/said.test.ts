/**
 * The hub's sentences to staff as data (#21): what a change did, who made it and why a request was refused go out
 * as a staff catalogue key with its values beside the English (the audit log's line, the API's `error`, unchanged
 * for scripts), and a staff page says them in its language, the values (room names, texts, field paths, times)
 * as they are. Through a real hub on 127.0.0.1.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry, FleetView, RefusalBody } from '../../../core/hub/api.ts';
import type { ControlView } from '../../../core/hub/rules/control-view.ts';
import { readLiveCommandRequest, readUndoEntries } from '../../../core/hub/rules/wire.ts';
import { en } from '../../../core/i18n/catalogues/en.ts';
import { LANGUAGES, loadCatalogue, setLanguage } from '../../../core/i18n/index.ts';
import { english, type Said } from '../../../core/i18n/said.ts';
import { loadStaffCatalogue, saidParts, staffEn, textOf, type SaidPart } from '../../../core/i18n/staff.ts';
import { startHub, TOKEN, type TestHub } from '../../hub-screens.ts';

const NOW = 1_778_050_800_000; // 2026-05-06T09:00+02:00
const DAY = '2026-05-06';
const PROGRAM = {
  version: 1,
  event: {
    name: 'Said Days',
    timezone: 'Europe/Stockholm',
    startDate: DAY,
    endDate: DAY,
    venues: [{ id: 'hall', name: 'Hall' }],
  },
  rooms: [
    { id: 'aurora', name: 'Aurora Hall' },
    { id: 'birch', name: 'Birch Room' },
  ],
  items: [{ id: 'a1', kind: 'talk', room: 'aurora', title: 'Opening', start: `${DAY}T09:00`, end: `${DAY}T10:00` }],
};

let hubs: TestHub[] = [];
afterEach(async () => {
  await Promise.all(hubs.map((h) => h.close()));
  hubs = [];
  setLanguage('en', en, '24');
});
async function hub(): Promise<TestHub> {
  const h = await startHub(PROGRAM, { now: () => NOW });
  hubs.push(h);
  return h;
}

async function call(h: TestHub, path: string, body: unknown, token = TOKEN): Promise<{ status: number; body: RefusalBody }> {
  const response = await fetch(`${h.base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as RefusalBody };
}
const command = (h: TestHub, command: unknown, extra: object = {}) => call(h, '/api/command', { command, ...extra });
const staffGet = async <T>(h: TestHub, path: string) =>
  (await (await fetch(`${h.base}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as T;

async function speak(lang: string, clock: '12' | '24' = '24'): Promise<void> {
  setLanguage(lang, { ...(await loadCatalogue(lang)), ...(await loadStaffCatalogue(lang)) }, clock);
}
/** The sentence as a staff page in the language set says it; its values alone. */
function said(s: Said | undefined): { text: string; values: string[] } {
  const parts: SaidPart[] | null = s ? saidParts(s) : null;
  expect(parts, JSON.stringify(s)).not.toBeNull();
  return { text: textOf(parts!), values: parts!.filter((p) => p.value).map((p) => p.text) };
}

describe("the hub's sentences to staff", () => {
  it('a change, its undo and its author: English in the audit log as before, in German and Arabic on the staff pages', async () => {
    const h = await hub();
    await command(h, { type: 'set-delay', room: 'birch', day: DAY, minutes: 5 }, { by: 'control page' });
    await command(h, { type: 'set-room-status', room: 'birch', day: DAY, status: 'full' });
    await command(h, {
      type: 'post-announcement',
      text: 'Coffee in the foyer',
      priority: 'high',
      where: { type: 'rooms', rooms: ['aurora', 'birch'] },
    });
    const { undo } = await staffGet<ControlView>(h, '/api/control');
    expect((await command(h, { type: 'undo', version: undo[0]!.version })).status).toBe(200);
    const lines = readFileSync(join(h.stateDir, 'audit.log'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as AuditEntry);
    // The log's English is the hub's as before, and is the same sentence as the data beside it.
    expect(lines.map((l) => l.change)).toEqual([
      'Birch Room, 2026-05-06: delay 0 → 5 min',
      'Birch Room, 2026-05-06: open → full',
      'high-priority announcement posted for Aurora Hall and Birch Room: "Coffee in the foyer"',
      'undo: announcement stopped: "Coffee in the foyer"',
    ]);
    for (const l of lines) expect(english(l.said!)).toBe(l.change);
    expect(lines.map((l) => l.who)).toEqual(['control page', 'command API', 'command API', 'command API']);

    await speak('de');
    expect(lines.map((l) => said(l.said).text)).toEqual([
      // The day as German writes a day, not the log's ISO date.
      'Birch Room, Mi., 6. Mai: Verspätung 0 → 5 Min.',
      'Birch Room, Mi., 6. Mai: offen → voll',
      'Wichtige Durchsage veröffentlicht für Aurora Hall und Birch Room: „Coffee in the foyer“',
      'Rückgängig: Durchsage beendet: „Coffee in the foyer“',
    ]);
    expect(lines.map((l) => said(l.whoSaid).text)).toEqual(['Steuerseite', 'Befehls-API', 'Befehls-API', 'Befehls-API']);
    // Room names and the announcement's text are values, set apart: the program's and staff's own words.
    expect(said(lines[2]!.said).values).toEqual(['Aurora Hall', 'Birch Room', 'Coffee in the foyer']);

    await speak('ar');
    expect(said(lines[0]!.said).text).toBe('Birch Room، الأربعاء، 6 مايو: التأخير 0 ← 5 دقيقة');
    expect(said(lines[1]!.said).text).toBe('Birch Room، الأربعاء، 6 مايو: مفتوحة ← ممتلئة');
    expect(said(lines[2]!.said).text).toBe('نُشر إعلان عاجل على Aurora Hall وBirch Room: «Coffee in the foyer»');
    // The control page's undo list carries the same data (the undone post is gone from it).
    const view = await staffGet<ControlView>(h, '/api/control');
    expect(view.undo.map((u) => said(u.said).text)).toEqual([
      'Birch Room، الأربعاء، 6 مايو: مفتوحة ← ممتلئة',
      'Birch Room، الأربعاء، 6 مايو: التأخير 0 ← 5 دقيقة',
    ]);
  });

  it('a refusal that names a field: the English error as before, the same field path in every language', async () => {
    const h = await hub();
    const past = await command(h, { type: 'post-announcement', text: 'Doors', until: '08:30' });
    expect(past.status).toBe(400);
    expect(past.body.error).toBe('request.command.until: 08:30 is already past (now 09:00 in Europe/Stockholm)');
    const expected: Record<string, string> = {
      en: 'request.command.until: 08:30 is already past (now 09:00 in Europe/Stockholm)',
      de: 'request.command.until: 08:30 ist schon vorbei (jetzt 09:00 in Europe/Stockholm)',
      fr: 'request.command.until\u00a0: 08:30 est déjà passé (il est 09:00, fuseau Europe/Stockholm)',
      es: 'request.command.until: las 08:30 ya han pasado (ahora son las 09:00 en Europe/Stockholm)',
      sv: 'request.command.until: 08:30 har redan passerat (nu 09:00 i Europe/Stockholm)',
      ar: 'request.command.until: الساعة 08:30 مضت بالفعل (الآن 09:00 بتوقيت Europe/Stockholm)',
    };
    for (const lang of LANGUAGES) {
      await speak(lang);
      const { text, values } = said(past.body.said);
      expect(text, lang).toBe(expected[lang]);
      expect(values, lang).toEqual(['request.command.until', '08:30', '09:00', 'Europe/Stockholm']);
    }
    // A page on a 12-hour clock says the times of a refusal as it says every time.
    await speak('en', '12');
    expect(said(past.body.said).text).toBe('request.command.until: 8:30 AM is already past (now 9:00 AM in Europe/Stockholm)');

    // A reader's refusal (400 before the command is looked at), a conflict (409), a token refused (401).
    const long = await command(h, { type: 'set-emergency', on: true, text: 'x'.repeat(201) });
    expect(long.body.error).toBe('request.command.text: longer than 200 characters');
    const wrong = await call(h, '/api/command', { command: { type: 'undo', version: 7 } }, 'not-the-token');
    expect([wrong.status, wrong.body.error]).toEqual([401, 'wrong staff token']);
    const conflict = await command(h, { type: 'undo', version: 7 });
    expect([conflict.status, conflict.body.error]).toEqual([409, 'version 7 is not the newest change that can be undone']);
    await speak('de');
    expect(said(long.body.said).text).toBe('request.command.text: länger als 200 Zeichen');
    expect(said(wrong.body.said).text).toBe('falsches Personal-Token');
    expect(said(conflict.body.said).text).toBe('Version 7 ist nicht die neueste Änderung, die sich rückgängig machen lässt');
    // Choices a request may make are its own words, listed in the page's language.
    const status = readLiveCommandRequest({ command: { type: 'set-room-status', room: 'a', day: DAY, status: 'packed' } });
    expect(status.ok).toBe(false);
    expect(!status.ok && status.error).toBe('request.command.status: must be "open", "full" or "closed"');
    expect(said(!status.ok ? status.said : undefined).text).toBe(
      'request.command.status: muss "open", "full" oder "closed" sein',
    );
  });

  it("the fleet page's audit lines: who and what in the page's language", async () => {
    const h = await hub();
    const beat = {
      id: 'lobby',
      name: 'Lobby screen',
      host: 'web',
      room: null,
      view: 'board',
      appVersion: '1',
      programVersion: null,
      liveVersion: 0,
      window: { width: 1920, height: 1080 },
      uptime: 1,
      lastError: null,
    };
    expect(
      (
        await fetch(`${h.base}/api/heartbeat`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(beat),
        })
      ).status,
    ).toBe(200);
    await call(h, '/api/fleet/message', { screen: 'lobby', message: { type: 'show', room: 'birch', view: 'agenda' } });
    const unknown = await call(h, '/api/fleet/message', { screen: 'attic', message: { type: 'identify' } });
    expect([unknown.status, unknown.body.error]).toEqual([404, 'no screen attic']);
    const [line] = (await staffGet<FleetView>(h, '/api/fleet')).audit;
    expect([line!.who, line!.change]).toEqual(['fleet page', 'show birch, agenda → screen "Lobby screen" (lobby)']);
    await speak('sv');
    expect([said(line!.whoSaid).text, said(line!.said).text]).toEqual([
      'skärmsidan',
      'visa birch, programöversikt → skärm ”Lobby screen” (lobby)',
    ]);
    expect(said(unknown.body.said).text).toBe('ingen skärm attic');
  });

  it('a saved undo list keeps the sentences; one saved before them still loads, and says its English', () => {
    const entry = {
      version: 3,
      at: NOW,
      who: 'command API',
      address: '127.0.0.1',
      change: 'emergency message ON',
      key: 'emergency',
      undo: { type: 'set-emergency', on: false },
    };
    const withSaid = { ...entry, said: { key: 'audit.emergencyOn' }, whoSaid: { key: 'audit.who.api' } };
    expect(readUndoEntries([withSaid])).toEqual({ ok: true, value: [withSaid] });
    expect(readUndoEntries([entry])).toEqual({ ok: true, value: [entry] });
    // Nothing but the hub's sentences: a key of another catalogue is refused.
    expect(readUndoEntries([{ ...entry, said: { key: 'board.now' } }]).ok).toBe(false);
    // A key this page's catalogue lacks (a newer hub) is not said at all: the page shows the English instead.
    expect(saidParts({ key: 'audit.somethingNew' })).toBeNull();
    expect(Object.keys(staffEn)).toContain('audit.emergencyOn');
  });
});
