/**
 * The control page (/control, #18) on a phone, against a real hub process and
 * real boards of three rooms in real Chromium, driven only by taps: a 10-minute
 * delay in one room, a room marked full, the emergency on (after its confirm
 * step) and off, undo; each reaches the boards of the rooms it concerns within
 * 2 s. No horizontal scroll at 360 px, every target at least 44 px; a change
 * made meanwhile elsewhere (409), a wrong token and a hub gone are said on the page. Screenshots at 360×780 and 1280×800.
 *
 * The program is written for today around now (in a zone where it is daytime),
 * so the page, the hub and the boards all run on live time, as at a venue.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { DateTime } from 'luxon';
import { spawnHub, type HubProcess } from '../hub-screens.ts';
import { de } from '../../core/i18n/catalogues/de.ts';
import { dateIn, setLanguage } from '../../core/i18n/index.ts';
import { staffAr } from '../../core/i18n/catalogues/staff/ar.ts';
import { staffDe } from '../../core/i18n/catalogues/staff/de.ts';
import { staffEn, type StaffCatalogue } from '../../core/i18n/catalogues/staff/en.ts';
import { clippedText, E2E_TOKEN, fittedAt, shot } from './board.ts';

const PORT = Number(process.env.FOYER_E2E_PORT ?? 4317) + 2;
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true } as const;
const ROOMS = [
  { id: 'aurora', name: 'Aurora Hall' },
  { id: 'birch', name: 'Birch Room' },
  { id: 'cedar', name: 'Cedar Room' },
];

/** A zone where it is between 08:00 and 18:00 now: the day's items stay on one date. */
function daytimeZone(): string {
  const zones = ['Europe/Stockholm', 'America/New_York', 'Asia/Tokyo', 'America/Los_Angeles', 'Australia/Sydney'];
  return zones.find((z) => DateTime.now().setZone(z).hour >= 8 && DateTime.now().setZone(z).hour < 18) ?? 'UTC';
}

function todaysProgram(zone: string): { program: unknown; nextStart: DateTime } {
  const now = DateTime.now().setZone(zone).startOf('minute');
  const wall = (t: DateTime) => t.toFormat("yyyy-MM-dd'T'HH:mm");
  const start = now.minus({ minutes: 20 });
  const nextStart = now.plus({ minutes: 25 });
  const items = ROOMS.flatMap((room, i) => [
    {
      id: `${room.id}-1`,
      kind: 'talk',
      room: room.id,
      title: `First talk in ${room.name}`,
      start: wall(start),
      end: wall(nextStart),
    },
    {
      id: `${room.id}-2`,
      kind: 'talk',
      room: room.id,
      title: `Second talk in ${room.name}, with a title long enough to wrap on a phone (${i + 1})`,
      start: wall(nextStart),
      end: wall(nextStart.plus({ minutes: 45 })),
    },
  ]);
  const day = now.toISODate()!;
  return {
    program: {
      version: 1,
      event: {
        name: 'Control Test Summit',
        timezone: zone,
        startDate: day,
        endDate: day,
        venues: [{ id: 'hall', name: 'Congress Hall' }],
      },
      rooms: ROOMS,
      items,
      announcements: [{ id: 'lunch', text: 'Lunch is served in the foyer at 12:30.' }],
    },
    nextStart,
  };
}

/** A board in a browser context of its own, as a signage player in a room. */
async function board(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 960, height: 540 } });
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.getByRole('region', { name: 'Next' })).toBeVisible();
  return page;
}

/** Taps, then waits for `check` on the boards; the time from the tap to the last board showing it. */
async function tapUntil(target: Locator, check: () => Promise<void>): Promise<number> {
  const sent = Date.now();
  await target.tap();
  await check();
  return Date.now() - sent;
}

/** Buttons, links and fields smaller than 44 × 44 px, or too narrow for their own label. */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('button, a, input'))
      .filter((el) => el.offsetParent !== null)
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ el, box }) => box.width < 44 || box.height < 44 || el.scrollWidth > el.clientWidth + 1)
      .map(({ el, box }) => `${el.textContent?.trim() || el.id}: ${Math.round(box.width)}×${Math.round(box.height)}`),
  );
}

/** Text under WCAG AA contrast (4.5:1; 3:1 large), as axe-core reads the rendered page. */
async function lowContrast(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze();
  return violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n')[1] ?? ''}`));
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * English left on a page in another language: for each staff text the translation words differently, its longest
 * piece between placeholders (of a word or more), found among the page's words, its title, labels, placeholders and
 * options. The program's own text (room names, titles, announcements) and what the hub's sentences only carry (room
 * names, texts, field paths: `.said-value`) are left out; the hub's sentences themselves are the page's words.
 */
async function englishLeft(page: Page, own: StaffCatalogue): Promise<string[]> {
  const pieces = (Object.keys(staffEn) as (keyof StaffCatalogue)[]).flatMap((key) => {
    if (own[key] === staffEn[key]) return [];
    const piece = staffEn[key]
      .split(/\{\w+\}|\|/)
      .map((p) => p.trim())
      .sort((a, b) => b.length - a.length)[0];
    return piece !== undefined && /[A-Za-z]{4}/.test(piece) && !own[key].includes(piece) ? [piece] : [];
  });
  const words = await page.evaluate(() => {
    const program = '.said-value, .item-title, .room-name, .announcement-text, .emergency-words, .screen-name, [data-room]';
    const texts = [document.title];
    for (const el of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
      if (el.closest(program) || el.closest('[name="ready"]')) continue;
      for (const node of Array.from(el.childNodes)) if (node.nodeType === Node.TEXT_NODE) texts.push(node.textContent ?? '');
      for (const name of ['aria-label', 'placeholder', 'data-label', 'title']) texts.push(el.getAttribute(name) ?? '');
    }
    return texts.join('\n');
  });
  return pieces.filter((piece) => words.includes(piece));
}

/** Text cut at the side: a line of text reaching past the viewport or past a box that clips it. */
async function cutText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const cut: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const el = node.parentElement;
      if (text === '' || el === null || el.closest('[hidden], select') || el.getClientRects().length === 0) continue;
      let left = 0;
      let right = vw;
      for (let box: Element | null = el; box && box !== document.body; box = box.parentElement) {
        if (getComputedStyle(box).overflowX === 'visible') continue;
        const r = box.getBoundingClientRect();
        left = Math.max(left, r.left + box.clientLeft);
        right = Math.min(right, r.left + box.clientLeft + box.clientWidth);
      }
      const range = document.createRange();
      range.selectNodeContents(node);
      const line = Array.from(range.getClientRects()).find((r) => r.width > 0 && (r.left < left - 1 || r.right > right + 1));
      if (line) cut.push(`"${text.slice(0, 40)}": ${Math.round(line.left)}–${Math.round(line.right)} px, room ${left}–${right}`);
    }
    return cut;
  });
}

let hub: HubProcess;
let nextStart: DateTime;
let zone: string;
test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'foyer-e2e-control-'));
  zone = daytimeZone();
  const written = todaysProgram(zone);
  nextStart = written.nextStart;
  writeFileSync(join(dir, 'program.json'), JSON.stringify(written.program, null, 2));
  writeFileSync(join(dir, 'staff-token'), `${E2E_TOKEN}\n`, { mode: 0o600 });
  mkdirSync(join(dir, 'state'));
  hub = await spawnHub({
    port: PORT,
    stateDir: join(dir, 'state'),
    tokenFile: join(dir, 'staff-token'),
    programFile: join(dir, 'program.json'),
  });
});
test.afterAll(async () => hub?.kill());

/** The whole page, top to bottom, beside shot()'s viewport: what staff scroll through. */
async function wholePage(page: Page, name: string): Promise<void> {
  const file = fileURLToPath(new URL(`../artifacts/screenshots/${name}.png`, import.meta.url));
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
}

/** Opens the announcement form's two time lists ("At a time…" for from and until). */
async function openTimes(page: Page): Promise<Locator> {
  const form = page.locator('form.announce-form');
  await form.locator('select[name="from"]').selectOption('time');
  await form.locator('select[name="until"]').selectOption('time');
  return form;
}

test('in German (?lang=de) on a 360 px phone: every word of the control page and the fleet page in German', async ({
  browser,
}) => {
  const context = await browser.newContext({ ...PHONE, viewport: { width: 360, height: 780 } });
  const phone = await context.newPage();
  await phone.goto(`${hub.url}/control?lang=de#staff=${E2E_TOKEN}`);
  await expect(phone.getByRole('heading', { name: 'Foyer-Steuerung' })).toBeVisible();
  await expect(phone.getByRole('region', { name: 'Birch Room' })).toBeVisible();
  expect(await phone.evaluate(() => [document.documentElement.lang, document.documentElement.dir, document.title])).toEqual([
    'de',
    'ltr',
    'Foyer-Steuerung',
  ]);
  const birch = phone.getByRole('region', { name: 'Birch Room' });
  await expect(birch.getByRole('button', { name: 'Pünktlich' })).toBeDisabled();
  await expect(birch.locator('.delay')).toHaveText('pünktlich');
  await expect(birch.getByRole('group', { name: 'Status Birch Room' }).getByRole('button', { name: 'Voll' })).toBeVisible();
  await expect(birch.locator('.item-label').first()).toHaveText('Jetzt');
  await expect(phone.getByRole('status')).toContainText('Live-Stand v');
  await expect(phone.getByRole('link', { name: 'Bildschirme' })).toBeVisible();
  const form = await openTimes(phone);
  await expect(form.getByRole('group', { name: 'Ab (Uhrzeit)' }).getByLabel('Stunde')).toBeVisible();
  await expect(form.getByRole('button', { name: 'Durchsage veröffentlichen' })).toBeVisible();
  expect(await englishLeft(phone, staffDe)).toEqual([]);
  expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
  expect(await cutText(phone)).toEqual([]);
  expect(await smallTargets(phone)).toEqual([]);
  await shot(phone, 'control-360-de');
  await wholePage(phone, 'control-360-de-whole');

  // The emergency's confirm step, with the screens' own words offered in German.
  await phone.getByRole('button', { name: 'Notfallmeldung…' }).tap();
  await expect(phone.getByLabel('Ihr Text (der vorgegebene oder eigene Worte)')).toHaveValue(de['emergency.text']);
  expect(await englishLeft(phone, staffDe)).toEqual([]);
  expect(await smallTargets(phone)).toEqual([]);
  await phone.getByRole('button', { name: 'Abbrechen' }).tap();
  await expect(phone.getByRole('button', { name: 'Notfallmeldung…' })).toBeVisible();

  // The fleet page, with a board on it, on the phone (one card per screen) and on a laptop (the table).
  const board = await (await browser.newContext({ viewport: { width: 960, height: 540 } })).newPage();
  await board.goto(`${hub.url}/?room=aurora&name=${encodeURIComponent('Lobby screen')}`);
  await expect(board.getByRole('region', { name: 'Next' })).toBeVisible();
  const laptop = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  for (const width of [360, 1280]) {
    const fleet = await (width === 360 ? context : laptop).newPage();
    await fleet.goto(`${hub.url}/fleet?lang=de#staff=${E2E_TOKEN}`);
    const table = fleet.getByRole('table', { name: 'Bildschirme' });
    const row = table.locator('tbody tr').filter({ hasText: 'Lobby screen' });
    await expect(row).toHaveCount(1, { timeout: 10_000 });
    await expect(row.getByRole('button', { name: 'Identifizieren' })).toBeVisible();
    await expect(row.getByRole('combobox', { name: 'Ansicht' })).toHaveValue('board');
    await expect(row.locator('td.shows')).toContainText('Aurora Hall · Raumanzeige');
    await expect(fleet.getByRole('status')).toContainText(/\d+ Bildschirme? · \d+ stumm/);
    await expect(fleet.getByRole('heading', { name: 'Protokoll' })).toBeVisible();
    if (width === 1280) await expect(table.getByRole('columnheader', { name: 'Zuletzt gesehen' })).toBeVisible();
    else await expect(row.locator('td.last-seen')).toHaveAttribute('data-label', 'Zuletzt gesehen');
    expect(await englishLeft(fleet, staffDe)).toEqual([]);
    await shot(fleet, `fleet-${width}-de`);
    expect(await horizontalOverflow(fleet)).toBeLessThanOrEqual(0);
  }
  await Promise.all([context, laptop, board.context()].map((c) => c.close()));
});

test('in Arabic (?lang=ar) on a 360 px phone: right to left, in Arabic, no line cut and nothing wider than the phone', async ({
  browser,
}) => {
  const phone = await (await browser.newContext({ ...PHONE, viewport: { width: 360, height: 780 } })).newPage();
  await phone.goto(`${hub.url}/control?lang=ar#staff=${E2E_TOKEN}`);
  await expect(phone.getByRole('heading', { name: 'التحكم في Foyer' })).toBeVisible();
  const birch = phone.getByRole('region', { name: 'Birch Room' });
  await expect(birch).toBeVisible();
  expect(await phone.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
  // Laid out from the right: the room card's status stripe on its right, the room's name right of its delay.
  expect(await birch.evaluate((el) => getComputedStyle(el).borderRightWidth)).toBe('6px');
  const name = await birch.locator('.room-name').boundingBox();
  const delay = await birch.locator('.delay').boundingBox();
  expect(name!.x).toBeGreaterThan(delay!.x);
  await expect(birch.locator('.delay')).toHaveText('في الموعد');
  // A time range reads in the page's direction, as on the board: on an Arabic page its start is drawn at the right.
  const order = await birch
    .locator('.item-time')
    .first()
    .evaluate((el) => {
      const text = el.firstChild!;
      const range = document.createRange();
      const at = (i: number): number => {
        range.setStart(text, i);
        range.setEnd(text, i + 1);
        return range.getBoundingClientRect().left;
      };
      return { text: el.textContent, start: at(0), end: at((text.textContent ?? '').length - 1) };
    });
  expect(order.text).toMatch(/^\d\d:\d\d–\d\d:\d\d$/);
  expect(order.start).toBeGreaterThan(order.end);
  await openTimes(phone);
  expect(await englishLeft(phone, staffAr)).toEqual([]);
  expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
  expect(await cutText(phone)).toEqual([]);
  expect(await smallTargets(phone)).toEqual([]);
  await shot(phone, 'control-360-ar');
  await wholePage(phone, 'control-360-ar-whole');
  await phone.getByRole('button', { name: 'رسالة الطوارئ…' }).tap();
  expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
  expect(await cutText(phone)).toEqual([]);
  expect(await smallTargets(phone)).toEqual([]);
  await phone.getByRole('button', { name: 'إلغاء' }).tap();
});

/** The fonts Chromium drew the text of `selector` with: family, and whether it came from the page (not the system). */
async function fontsUsed(page: Page, selector: string): Promise<{ familyName: string; isCustomFont: boolean }[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  return fonts.map((f) => ({ familyName: f.familyName, isCustomFont: f.isCustomFont }));
}

for (const [lang, own] of [
  ['de', staffDe],
  ['ar', staffAr],
] as const) {
  test(`in ${lang === 'de' ? 'German' : 'Arabic'} on a 360 px phone: a delay, its undo and a refused announcement in the page's words, the hub's sentences too`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ ...PHONE, viewport: { width: 360, height: 780 } });
    const phone = await context.newPage();
    await phone.goto(`${hub.url}/control?lang=${lang}#staff=${E2E_TOKEN}`);
    const birch = phone.getByRole('region', { name: 'Birch Room' });
    await expect(birch.locator('.delay')).toHaveText(own['control.onTime']);
    const day = (await (await fetch(`${hub.url}/api/live`)).json()) as { day: string };
    const say = (text: string, vars: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_, name: string) => vars[name]!);

    // +5 in Birch Room: the last change, who made it and its undo button in the page's language.
    await birch.locator('.delay-buttons button').nth(1).tap();
    const changes = phone.getByRole('region', { name: own['control.lastChanges'] });
    const last = changes.locator('li').first();
    // The day as the page's language writes a day (the audit log keeps the ISO date).
    setLanguage(lang, {});
    const dayShown = dateIn(DateTime.fromISO(day.day), 'day');
    setLanguage('en', {});
    const delayed = say(own['audit.delay'], { room: 'Birch Room', day: dayShown, from: '0', to: '5' });
    await expect(last.locator('.change')).toHaveText(delayed);
    await expect(last.locator('small')).toHaveText(say(own['control.by'], { who: own['audit.who.control'] }));
    const undo = last.getByRole('button');
    await expect(undo).toHaveAttribute('aria-label', say(own['control.undoThis'], { change: delayed }));
    expect(await englishLeft(phone, own)).toEqual([]);
    await wholePage(phone, `control-360-${lang}-change`);
    await undo.tap();
    await expect(birch.locator('.delay')).toHaveText(own['control.onTime']);

    // An announcement until a time already past: refused (400), the hub's reason in the page's words, the field as
    // the request names it.
    const form = await openTimes(phone);
    await form.locator('textarea').fill('Coffee');
    const past = DateTime.now().setZone(zone).minus({ minutes: 30 });
    await form.locator('select[name="until-time-hour"]').selectOption(past.toFormat('HH'));
    await form.locator('select[name="until-time-minute"]').selectOption(past.toFormat('mm'));
    await form.getByRole('button', { name: own['announce.post'] }).tap();
    const alert = phone.getByRole('alert');
    const reason = own['refusal.past'].split('{now}')[0]!;
    await expect(alert).toContainText(say(reason, { field: 'request.command.until', time: past.toFormat('HH:mm') }));
    await expect(alert.locator('bdi.said-value').nth(1)).toHaveText('request.command.until');
    expect(await englishLeft(phone, own)).toEqual([]);
    expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
    expect(await cutText(phone)).toEqual([]);
    await wholePage(phone, `control-360-${lang}-refused`);

    // The fleet page's audit log: the undo, by the control page, in the page's language.
    const fleet = await context.newPage();
    await fleet.goto(`${hub.url}/fleet?lang=${lang}`);
    const undone = say(own['audit.undo'], {
      change: say(own['audit.delay'], { room: 'Birch Room', day: dayShown, from: '5', to: '0' }),
    });
    await expect(fleet.locator('.audit li').first()).toContainText(`${own['audit.who.control']}: ${undone}`);
    expect(await englishLeft(fleet, own)).toEqual([]);
    expect(await horizontalOverflow(fleet)).toBeLessThanOrEqual(0);
    await shot(fleet, `fleet-360-${lang}-audit`);

    if (lang === 'ar') {
      // The board's own Arabic type, bundled (no system font, no CDN): the heading and the hub's sentence drawn in it
      // (its faces name their weight: "Noto Sans Arabic SemiBold").
      const bundled = (fonts: { familyName: string; isCustomFont: boolean }[]) =>
        fonts.filter((f) => f.isCustomFont && f.familyName.startsWith('Noto Sans Arabic')).length;
      for (const selector of ['h1', '.alert p']) expect(bundled(await fontsUsed(phone, selector)), selector).toBeGreaterThan(0);
      expect(bundled(await fontsUsed(fleet, 'h1'))).toBeGreaterThan(0);
    }
    await context.close();
  });
}

test("announcement times in the event's clock and zone: 24-hour for a program without a clock, 12-hour with ?clock=12", async ({
  browser,
}) => {
  // The phone in another zone than the event's: the times are the event's all the same.
  const phoneZone = zone === 'Pacific/Kiritimati' ? 'UTC' : 'Pacific/Kiritimati';
  const phone = await (
    await browser.newContext({ ...PHONE, viewport: { width: 360, height: 780 }, timezoneId: phoneZone })
  ).newPage();
  const soon = () => {
    const at = DateTime.now().setZone(zone).startOf('minute');
    return at.plus({ minutes: 5 - (at.minute % 5) });
  };
  const hours = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));

  await phone.goto(`${hub.url}/control#staff=${E2E_TOKEN}`);
  const before = soon();
  const form = await openTimes(phone);
  const after = soon();
  const from = form.getByRole('group', { name: 'From (time)' });
  const until = form.getByRole('group', { name: 'Until (time)' });
  await expect(from.getByLabel('Hour').locator('option')).toHaveText(hours);
  const picked = async (group: Locator) =>
    group.locator('select').evaluateAll((lists) => lists.map((l) => (l as HTMLSelectElement).selectedOptions[0]!.text).join(':'));
  expect([before.toFormat('HH:mm'), after.toFormat('HH:mm')]).toContain(await picked(from));
  expect([before, after].map((t) => t.plus({ minutes: 30 }).toFormat('HH:mm'))).toContain(await picked(until));
  await expect(form).not.toContainText(/AM|PM/);
  await expect(form.locator('.zone')).toHaveText(`Times at the venue (${zone.split('/').pop()!.replace(/_/g, ' ')})`);
  expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
  expect(await smallTargets(phone)).toEqual([]);
  await shot(phone, 'control-360-times-24');

  await phone.goto(`${hub.url}/control?clock=12`);
  const twelve = await openTimes(phone);
  await expect(twelve.getByRole('group', { name: 'From (time)' }).getByLabel('Hour').locator('option')).toHaveText([
    '12 AM',
    ...Array.from({ length: 11 }, (_, h) => `${h + 1} AM`),
    '12 PM',
    ...Array.from({ length: 11 }, (_, h) => `${h + 1} PM`),
  ]);
  const hour12 = (t: DateTime) => `${t.toFormat('h a', { locale: 'en-US' })}:${t.toFormat('mm')}`;
  expect([before, after].map(hour12)).toContain(await picked(twelve.getByRole('group', { name: 'From (time)' })));
  // The room cards' times too, in the event's clock.
  await expect(phone.locator('.item-time').first()).toHaveText(/^\d{1,2}:\d\d [AP]M–\d{1,2}:\d\d [AP]M$/);
  expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
  expect(await smallTargets(phone)).toEqual([]);
  await shot(phone, 'control-360-times-12');
});

test('by taps on a phone: a delay, a full room, the emergency on and off, undo; each on the boards within 2 s', async ({
  browser,
}) => {
  const [aurora, birch, cedar] = (await Promise.all(
    ROOMS.map((r) => board(browser, `${hub.url}/?room=${r.id}&name=${r.id}`)),
  )) as [Page, Page, Page];
  const phone = await (await browser.newContext(PHONE)).newPage();
  await phone.goto(`${hub.url}/control#staff=${E2E_TOKEN}`);
  // The token is kept for this origin and gone from the address (and so from the history).
  await expect(phone.getByRole('region', { name: 'Birch Room' })).toBeVisible();
  expect(phone.url()).toBe(`${hub.url}/control`);
  await expect(phone.getByRole('alert')).toBeHidden();
  const figures: string[] = [];

  // Birch Room: +5 twice, 10 minutes. The next talk there moves by 10, on Birch's board only.
  const birchCard = phone.getByRole('region', { name: 'Birch Room' });
  const later = birchCard.getByRole('button', { name: '+5 min' });
  await later.tap();
  await expect(birchCard.locator('.delay')).toHaveText('+5 min');
  const moved = nextStart.plus({ minutes: 10 }).toFormat('HH:mm');
  const delayMs = await tapUntil(later, async () => {
    await expect(birch.getByRole('region', { name: 'Next' }).locator('.delayed > time')).toHaveText(moved, { timeout: 2_000 });
  });
  figures.push(`delay ${delayMs} ms`);
  await expect(birchCard.locator('.delay')).toHaveText('+10 min');
  // The page shows the resulting time of the room's next talk, and the printed one struck through.
  await expect(birchCard.locator('.item').nth(1).locator('.item-time')).toHaveText(moved);
  await expect(birchCard.locator('.item').nth(1).locator('.item-planned')).toHaveText(nextStart.toFormat('HH:mm'));
  await expect(aurora.locator('.delayed')).toHaveCount(0);

  // Cedar Room full: its own board says so.
  const cedarFull = phone.getByRole('region', { name: 'Cedar Room' }).getByRole('button', { name: 'Full' });
  const fullMs = await tapUntil(cedarFull, async () => {
    await expect(cedar.getByText('Room full')).toBeVisible({ timeout: 2_000 });
  });
  figures.push(`room full ${fullMs} ms`);
  await expect(cedarFull).toHaveAttribute('aria-pressed', 'true');
  await expect(aurora.getByText('Room full')).toHaveCount(0);

  // The emergency: one tap only asks; the confirm button switches it on everywhere.
  await phone.getByRole('button', { name: 'Emergency message…' }).tap();
  await expect(phone.getByRole('region', { name: 'Emergency' })).toContainText('Every screen will show');
  await expect(aurora.locator('.emergency')).toHaveCount(0);
  await shot(phone, 'control-phone-emergency-confirm');
  const onMs = await tapUntil(phone.getByRole('button', { name: 'Confirm: emergency ON' }), async () => {
    for (const b of [aurora, birch, cedar]) await expect(b.locator('.emergency')).toBeVisible({ timeout: 2_000 });
  });
  figures.push(`emergency on ${onMs} ms`);
  // Confirmed at the bottom of the page, "switch off" is in view at once, wherever the page was scrolled.
  await expect(phone.getByRole('button', { name: 'Switch emergency off' })).toBeInViewport();
  await shot(phone, 'control-phone-emergency-on');
  const offMs = await tapUntil(phone.getByRole('button', { name: 'Switch emergency off' }), async () => {
    for (const b of [aurora, birch, cedar]) await expect(b.locator('.emergency')).toHaveCount(0, { timeout: 2_000 });
  });
  figures.push(`emergency off ${offMs} ms`);

  // Undo, twice: the emergency switched off is taken back (on again), then so is the switching on.
  const changes = phone.getByRole('region', { name: 'Last changes' });
  await expect(changes.locator('li').first()).toContainText('emergency message off');
  await expect(changes.locator('li').first()).toContainText('by control page');
  const undoMs = await tapUntil(changes.getByRole('button', { name: /^Undo/ }), async () => {
    for (const b of [aurora, birch, cedar]) await expect(b.locator('.emergency')).toBeVisible({ timeout: 2_000 });
  });
  figures.push(`undo ${undoMs} ms`);
  await expect(changes.locator('li').first()).toContainText('emergency message ON');
  await changes.getByRole('button', { name: /^Undo/ }).tap();
  for (const b of [aurora, birch, cedar]) await expect(b.locator('.emergency')).toHaveCount(0, { timeout: 2_000 });
  // Undo of the room marked full: Cedar's board is open again.
  await expect(changes.locator('li').first()).toContainText('Cedar Room');
  await changes.getByRole('button', { name: /^Undo/ }).tap();
  await expect(cedar.getByText('Room full')).toHaveCount(0, { timeout: 2_000 });
  await expect(birch.getByRole('region', { name: 'Next' }).locator('.delayed > time')).toHaveText(moved);
  console.log(`[control latency] tap to the last board showing it: ${figures.join(', ')}`);
  for (const f of [delayMs, fullMs, onMs, offMs, undoMs]) expect(f).toBeLessThan(2_000);
  await expect(phone.getByRole('alert')).toBeHidden();

  // On time again, with one tap.
  await birchCard.getByRole('button', { name: 'On time' }).tap();
  await expect(birch.locator('.delayed')).toHaveCount(0, { timeout: 2_000 });
  await expect(birchCard.locator('.delay')).toHaveText('on time');
});

test('fits a 360 px phone: no horizontal scroll, every target at least 44 px; screenshots phone and laptop', async ({
  browser,
}) => {
  const phone = await (await browser.newContext({ ...PHONE, viewport: { width: 360, height: 780 } })).newPage();
  await phone.goto(`${hub.url}/control#staff=${E2E_TOKEN}`);
  await expect(phone.getByRole('region', { name: 'Cedar Room' })).toBeVisible();
  // A delay set, so the struck-through printed times show too.
  await phone.getByRole('region', { name: 'Aurora Hall' }).getByRole('button', { name: '+5 min' }).tap();
  await expect(phone.getByRole('region', { name: 'Aurora Hall' }).locator('.delay')).toHaveText('+5 min');
  expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
  expect(await smallTargets(phone)).toEqual([]);
  expect(await lowContrast(phone)).toEqual([]);
  await shot(phone, 'control-360');
  await phone.getByRole('button', { name: 'Emergency message…' }).tap();
  expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
  expect(await smallTargets(phone)).toEqual([]);
  await phone.getByRole('button', { name: 'Cancel' }).tap();
  await expect(phone.getByRole('button', { name: 'Emergency message…' })).toBeVisible();

  // "Screens" is one tap away, and the fleet page has the token already.
  await phone.getByRole('link', { name: 'Screens' }).tap();
  await expect(phone).toHaveURL(`${hub.url}/fleet`);
  await expect(phone.getByRole('table', { name: 'Screens' })).toBeVisible();

  const laptop = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await laptop.goto(`${hub.url}/control#staff=${E2E_TOKEN}`);
  await expect(laptop.getByRole('region', { name: 'Cedar Room' })).toBeVisible();
  expect(await horizontalOverflow(laptop)).toBeLessThanOrEqual(0);
  await shot(laptop, 'control-1280');
  expect(await lowContrast(laptop)).toEqual([]);

  // A phone in dark mode, with the emergency confirm step open: readable too.
  const dark = await (
    await browser.newContext({ ...PHONE, viewport: { width: 360, height: 780 }, colorScheme: 'dark' })
  ).newPage();
  await dark.goto(`${hub.url}/control#staff=${E2E_TOKEN}`);
  await expect(dark.getByRole('region', { name: 'Aurora Hall' }).locator('.delay')).toHaveText('+5 min');
  await dark.getByRole('region', { name: 'Cedar Room' }).getByRole('button', { name: 'Full' }).tap();
  await expect(dark.getByRole('region', { name: 'Cedar Room' }).getByRole('button', { name: 'Full' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await dark.getByRole('button', { name: 'Emergency message…' }).tap();
  expect(await lowContrast(dark)).toEqual([]);
  await shot(dark, 'control-360-dark');
  await dark.getByRole('button', { name: 'Cancel' }).tap();
});

test('a change someone made meanwhile: the tap is not applied (409), the page says so and shows the current state; a second tap applies', async ({
  browser,
}) => {
  const phone = await (await browser.newContext(PHONE)).newPage();
  // The page's own timers stand still (no refresh every 3 s), so what it shows is surely older than the hub's state.
  await phone.clock.install();
  // Installed, the clock still runs; paused, the 3-s refresh never comes between the other change and the tap.
  await phone.clock.pauseAt(Date.now() + 1_000);
  await phone.goto(`${hub.url}/control#staff=${E2E_TOKEN}`);
  const birchCard = phone.getByRole('region', { name: 'Birch Room' });
  await expect(birchCard.locator('.delay')).toHaveText('on time');
  const day = (await (await fetch(`${hub.url}/api/live`)).json()) as { day: string };
  const other = await fetch(`${hub.url}/api/command`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${E2E_TOKEN}` },
    body: JSON.stringify({ command: { type: 'set-delay', room: 'birch', day: day.day, minutes: 20 }, by: 'the desk' }),
  });
  expect(other.status).toBe(200);
  await birchCard.getByRole('button', { name: '+5 min' }).tap();
  await expect(phone.getByRole('alert')).toContainText("Not applied: someone else changed Birch Room's delay meanwhile");
  await expect(birchCard.locator('.delay')).toHaveText('+20 min');
  await shot(phone, 'control-conflict');
  await birchCard.getByRole('button', { name: '+5 min' }).tap();
  await expect(birchCard.locator('.delay')).toHaveText('+25 min');
  await expect(phone.getByRole('alert')).toBeHidden();
});

test('announcements by taps: one room only, a scheduled high one at its times (never rotated), stop and undo, the emergency in staff words', async ({
  browser,
}) => {
  const [aurora, cedar] = (await Promise.all(
    ['aurora', 'cedar'].map((id) => board(browser, `${hub.url}/?room=${id}&name=${id}`)),
  )) as [Page, Page];
  // Birch's board runs on Playwright's clock, from now: the scheduled announcement's times are reached by jumping.
  const birch = await (await browser.newContext({ viewport: { width: 960, height: 540 } })).newPage();
  await birch.clock.install({ time: Date.now() });
  await birch.goto(`${hub.url}/?room=birch&name=birch&spotlight=5`);
  await expect(birch.getByRole('region', { name: 'Next' })).toBeVisible();
  const phone = await (await browser.newContext({ ...PHONE, viewport: { width: 360, height: 780 } })).newPage();
  await phone.goto(`${hub.url}/control#staff=${E2E_TOKEN}`);
  const form = phone.getByRole('form', { name: 'New announcement' });
  await expect(form).toBeVisible();

  // For Birch Room only, now until stopped.
  const coffee = 'Coffee is served in the foyer.';
  await form.getByLabel('Text').fill(coffee);
  await form.getByLabel('Where').selectOption('rooms');
  await form.getByRole('group', { name: 'Rooms' }).getByRole('button', { name: 'Birch Room' }).tap();
  await form.getByRole('button', { name: 'Post announcement' }).tap();
  await expect(birch.locator('.announcements')).toContainText(coffee, { timeout: 2_000 });
  for (const other of [aurora, cedar]) await expect(other.getByText(coffee)).toHaveCount(0);
  await expect(phone.getByRole('region', { name: 'Announcements' })).toContainText(
    `${coffee} — Birch Room, showing, until stopped`,
  );

  // The program's ready-made one, for all screens: now two normal ones take turns on Birch's board.
  await form.getByLabel('Ready-made').selectOption('lunch');
  await form.getByLabel('Where').selectOption('all');
  await form.getByRole('button', { name: 'Post announcement' }).tap();
  await expect(aurora.locator('.announcements')).toContainText('Lunch is served', { timeout: 2_000 });

  // High priority for Birch Room from in 2 minutes until in 4, 200 characters long.
  const start = DateTime.now().setZone(zone).startOf('minute').plus({ minutes: 2 });
  const end = start.plus({ minutes: 2 });
  const urgent =
    `Fire drill at ${start.toFormat('HH:mm')}: please leave calmly by the nearest exit and gather on the lawn. `.padEnd(200, 'x');
  await form.getByLabel('Text').fill(urgent);
  await form.getByLabel('Where').selectOption('rooms');
  await form.getByRole('group', { name: 'Priority' }).getByRole('button', { name: 'High' }).tap();
  await form.getByLabel('From', { exact: true }).selectOption('time');
  const fromPick = form.getByRole('group', { name: 'From (time)' });
  await fromPick.getByLabel('Hour').selectOption(start.toFormat('HH'));
  await fromPick.getByLabel('Minute').selectOption(start.toFormat('mm'));
  await form.getByLabel('Until', { exact: true }).selectOption('time');
  const untilPick = form.getByRole('group', { name: 'Until (time)' });
  await untilPick.getByLabel('Hour').selectOption(end.toFormat('HH'));
  await untilPick.getByLabel('Minute').selectOption(end.toFormat('mm'));
  expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
  expect(await smallTargets(phone)).toEqual([]);
  await form.getByRole('button', { name: 'Post announcement' }).tap();
  const list = phone.getByRole('region', { name: 'Announcements' });
  await expect(list).toContainText(`from ${start.toFormat('HH:mm')}, until ${end.toFormat('HH:mm')}`);
  await shot(phone, 'control-360-announcements');
  const band = birch.getByRole('region', { name: 'Important' });
  await expect(band).toHaveCount(0);
  const jumpTo = async (t: DateTime) => birch.clock.fastForward(t.toMillis() - (await birch.evaluate(() => Date.now())));
  await jumpTo(start.plus({ seconds: 1 }));
  await expect(band).toHaveText(urgent);
  // The normal ones turn (every 5 s here); the high one stays.
  const rotating = birch.locator('.announcements .announcement-text');
  const first = await rotating.textContent();
  await birch.clock.fastForward(5_000);
  await expect(rotating).not.toHaveText(first ?? '');
  await expect(band).toHaveText(urgent);
  expect(await clippedText(birch)).toEqual([]);
  await shot(birch, 'board-announcement-high-landscape');
  await fittedAt(birch, { width: 540, height: 960 });
  await expect(band).toHaveText(urgent);
  expect(await clippedText(birch)).toEqual([]);
  await shot(birch, 'board-announcement-high-portrait');
  await jumpTo(end.plus({ seconds: 1 }));
  await expect(band).toHaveCount(0);
  await expect(aurora.getByRole('region', { name: 'Important' })).toHaveCount(0);

  // Stop, then undo the stop.
  await list.getByRole('button', { name: `Stop: ${coffee}` }).tap();
  await expect(birch.getByText(coffee)).toHaveCount(0, { timeout: 2_000 });
  const changes = phone.getByRole('region', { name: 'Last changes' });
  await expect(changes.locator('li').first()).toContainText('announcement stopped');
  await changes.getByRole('button', { name: /^Undo/ }).tap();
  await expect(birch.locator('.announcements')).toContainText(coffee, { timeout: 10_000 });

  // The emergency in staff's own words, on every board; off in one tap.
  await phone.getByRole('button', { name: 'Emergency message…' }).tap();
  const words = phone.getByLabel('Its text (the default, or your own words)');
  await expect(words).toHaveValue('Please follow the instructions of venue staff.');
  await words.fill('Leave by the north exit now.');
  await phone.getByRole('button', { name: 'Confirm: emergency ON' }).tap();
  for (const b of [aurora, birch, cedar])
    await expect(b.getByRole('alert')).toHaveText('Leave by the north exit now.', { timeout: 2_000 });
  await phone.getByRole('button', { name: 'Switch emergency off' }).tap();
  for (const b of [aurora, cedar]) await expect(b.locator('.emergency')).toHaveCount(0, { timeout: 2_000 });
});

test('a wrong token, and a hub gone, are said on the page in plain words', async ({ browser }) => {
  const phone = await (await browser.newContext(PHONE)).newPage();
  await phone.goto(`${hub.url}/control#staff=not-the-staff-token`);
  await expect(phone.getByRole('alert')).toContainText('The hub refused this staff token');
  await expect(phone.getByLabel('Staff token')).toBeVisible();
  expect(phone.url()).not.toContain('staff=');
  expect(await smallTargets(phone)).toEqual([]);
  await shot(phone, 'control-wrong-token');

  const staff = await (await browser.newContext(PHONE)).newPage();
  await staff.goto(`${hub.url}/control#staff=${E2E_TOKEN}`);
  await expect(staff.getByRole('region', { name: 'Aurora Hall' })).toBeVisible();
  const minute = () => DateTime.now().setZone(zone).toFormat('HH:mm');
  const before = minute();
  await hub.kill();
  await expect(staff.getByRole('alert')).toContainText('The hub does not answer', { timeout: 10_000 });
  // Since when, in the event's zone (as every time on the page), whatever the phone's zone.
  const since = /since (\d\d:\d\d):\d\d/.exec((await staff.getByRole('alert').textContent()) ?? '')?.[1];
  expect([before, minute()]).toContain(since);
  await expect(staff.getByRole('status')).toContainText('Not connected');
  await shot(staff, 'control-hub-gone');
});
