/**
 * The first board in the page, from the hub's side, with the real server bundle (built here when stale, as the hub does):
 * the page carries the board, its stylesheet and its seed; a bundle that is missing or throws gives the plain page
 * and one log line, never an error page.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_BOARD, type FirstBoardSeed } from '../../../core/hub/api.ts';
import { composePage } from '../../../core/hub/server/first-board.ts';
import { startHubServer, type RunningHubServer } from '../../../core/hub/server/server.ts';
import { BOARD_BUILD, ensureBuilt } from '../../../core/node/freshness.ts';
import { ROOT } from '../../hub-screens.ts';

const BUILT = join(ROOT, 'out', 'renderer');
const BUNDLE = join(ROOT, 'out', 'renderer-server', 'render-board.js');
const PROGRAM = join(ROOT, 'data', 'program.json');
const AT = '?at=2026-05-06T10:15&speed=0';
const run = promisify(execFile);

let host: RunningHubServer | null = null;
let dir: string | null = null;
afterEach(async () => {
  await host?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  host = null;
  dir = null;
});

/** A hub serving a copy of the built board, with `bundle` as its server bundle (null: none). */
async function hubWith(bundle: string | null, log: string[], beside: Record<string, string> = {}): Promise<string> {
  dir = mkdtempSync(join(tmpdir(), 'foyer-first-board-'));
  cpSync(BUILT, join(dir, 'renderer'), { recursive: true });
  if (bundle !== null) {
    mkdirSync(join(dir, 'renderer-server'));
    writeFileSync(join(dir, 'renderer-server', 'render-board.js'), bundle);
    for (const [name, text] of Object.entries(beside)) writeFileSync(join(dir, 'renderer-server', name), text);
  }
  host = await startHubServer({
    port: 0,
    programLocation: PROGRAM,
    rendererDir: join(dir, 'renderer'),
    log: (line) => log.push(line),
  });
  return host.url.replace(/\/$/, '');
}

// A fresh clone has no build: skipping would make this a test that cannot fail in CI.
beforeAll(() => ensureBuilt(ROOT, BOARD_BUILD, () => undefined), 240_000);

describe('the first board in the page', () => {
  it('carries Now, a stylesheet of its own instead of style attributes, the no-script refresh and the seed', async () => {
    const log: string[] = [];
    const base = await hubWith(readFileSync(BUNDLE, 'utf8'), log);
    const response = await fetch(`${base}/${AT}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('link')).toBeNull();
    const html = await response.text();
    expect(html).toContain('Exploiting Similarity in Federated Learning');
    expect(html).not.toMatch(/ style="/);
    // The hub does not know the screen's shape: the portrait board is before the landscape one, for the first fit
    // and, without script, for the no-script stylesheet.
    const portrait = new RegExp(`<noscript id="${FIRST_BOARD.portraitId}">(.*?)</noscript><div id="root">`).exec(html)![1]!;
    expect(portrait).toContain('board-portrait');
    expect(portrait).toContain('Exploiting Similarity in Federated Learning');
    expect(/<div id="root">(.*?)<\/div>\s*<script/.exec(html)![1]).not.toContain('board-portrait');
    const noScript =
      /<noscript><meta http-equiv="refresh" content="60" \/><link rel="stylesheet" href="\.(\/first-board\/[0-9a-f]{16}\.css)" \/><\/noscript>/.exec(
        html,
      )![1]!;
    const css = /<link rel="stylesheet" href="\.(\/first-board\/[0-9a-f]{16}\.css)" \/>\s*<noscript>/.exec(html)![1]!;
    const sheet = await fetch(base + css);
    expect(sheet.headers.get('content-type')).toMatch(/^text\/css/);
    expect(await sheet.text()).toContain('--accent:#0b5cad !important');
    // Loaded only where no script runs: the portrait board on a portrait screen.
    expect(await (await fetch(base + noScript)).text()).toContain('#foyer-first-board-portrait');
    const seed = new RegExp(`<script type="application/json" id="${FIRST_BOARD.seedId}">([^<]*)</script>`).exec(html)![1]!;
    const parsed = JSON.parse(seed) as FirstBoardSeed;
    expect(parsed.update.program.event.name).toBe('Symposium');
    expect(parsed.live?.version).toBe(0);
    expect(log.filter((l) => l.includes('first board'))).toEqual([]);
    expect((await fetch(`${base}/first-board/0000000000000000.css`)).status).toBe(404);
  });

  it('renders a page anew each second: a page kept longer could show a speaker the script replaces at once', async () => {
    const base = await hubWith(readFileSync(BUNDLE, 'utf8'), []);
    const renderedAt = async (): Promise<number> => {
      const html = await (await fetch(`${base}/${AT}`)).text();
      const seed = new RegExp(`<script type="application/json" id="${FIRST_BOARD.seedId}">([^<]*)</script>`).exec(html)![1]!;
      return (JSON.parse(seed) as FirstBoardSeed).realNow;
    };
    await renderedAt();
    // The spotlight turns on the wall clock every few seconds: what the page says must be of this second.
    await new Promise((r) => setTimeout(r, 2_200));
    const asked = Date.now();
    expect(asked - (await renderedAt())).toBeLessThan(1_000);
  });

  it("sends the page's start before the board is rendered, so the browser fetches its stylesheets, scripts and fonts meanwhile", async () => {
    // The real bundle, made slow (a congress's program, a busy hub): renders that took 150–450 ms on the hub.
    // A copy beside it, read now: another test file may be rebuilding out/ meanwhile.
    const base = await hubWith(
      "import { renderFirstBoard as board } from './board.js';\n" +
        'export function renderFirstBoard(request) { const until = Date.now() + 600; while (Date.now() < until); return board(request); }\n',
      [],
      { 'board.js': readFileSync(BUNDLE, 'utf8') },
    );
    // Read by another process: this one is held by the render, as a hub is.
    const reader = `const started = Date.now(); require('node:http').get(process.argv[1], (res) => {
      const chunks = []; res.setEncoding('utf8');
      res.on('data', (text) => chunks.push({ at: Date.now() - started, text }));
      res.on('end', () => console.log(JSON.stringify(chunks)));
    });`;
    const { stdout } = await run(process.execPath, ['-e', reader, `${base}/${AT}`]);
    const chunks = JSON.parse(stdout) as { at: number; text: string }[];
    const first = chunks[0]!;
    const template = readFileSync(join(dir!, 'renderer', 'index.html'), 'utf8');
    expect(template.startsWith(first.text)).toBe(true);
    expect(first.text).toMatch(/<link rel="stylesheet"[^>]*>[\s\S]*<link rel="preload" as="font"/);
    expect(first.text).not.toContain('</head>');
    // The board came after the render, and the whole is the page with the board in it.
    expect(chunks.at(-1)!.at - first.at).toBeGreaterThan(400);
    const page = chunks.map((chunk) => chunk.text).join('');
    expect(page).toContain('Exploiting Similarity in Federated Learning');
    expect(page).toContain(`id="${FIRST_BOARD.seedId}"`);
    expect(page.trimEnd().endsWith('</html>')).toBe(true);
  });

  it("puts the program's text in the page as it is, `$` and all (no replacement patterns)", () => {
    const template =
      '<head>\n  </head><body><div id="root"><div class="boot" role="status">Loading the program…</div></div></body>';
    const seed = { update: {} as FirstBoardSeed['update'], live: null, realNow: 0 };
    const css = { board: '/first-board/x.css', noScript: '/first-board/y.css' };
    const page = composePage(template, { html: "<p>Costs $' and $& and $1</p>" }, css, seed)!;
    expect(page).toContain('<div id="root"><p>Costs $\' and $& and $1</p></div>');
  });

  it('a bundle that throws: the plain page, one log line however many requests', async () => {
    const log: string[] = [];
    const base = await hubWith('export function renderFirstBoard() { throw new Error("broken on purpose"); }\n', log);
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${base}/${AT}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('Loading the program…');
    }
    expect(log.filter((l) => l.includes('first board'))).toEqual([
      'hub: the first board could not be rendered (broken on purpose); serving the plain page',
    ]);
  });

  it('no bundle: the plain page, and one line at start', async () => {
    const log: string[] = [];
    const base = await hubWith(null, log);
    const response = await fetch(`${base}/${AT}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Loading the program…');
    expect(log.filter((l) => l.includes('first board'))).toHaveLength(1);
    expect(log.find((l) => l.includes('first board'))).toMatch(/^hub: no first board in the page \(.*render-board\.js: /);
  });
});
