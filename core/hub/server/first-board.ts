/**
 * The first board in the page: the hub renders the board for the request's URL (its moment, room and view) with
 * the board's server bundle (out/renderer-server/render-board.js, the same components as the page's script) into
 * the index.html it serves. Now shows before any script runs; the page's script starts from the program and live
 * state in the page's JSON block and replaces the markup with the same board. Without script the page refreshes
 * itself each minute (a <noscript> refresh), so a player whose script never runs still shows a correct board.
 *
 * The rendered board's would-be style attributes come as a stylesheet of its own (`/first-board/<hash>.css`: the
 * CSP allows no inline style), and so do the rules for a player that runs no script (the portrait board on a portrait
 * screen, the all-rooms rows left out whole), linked from the <noscript> in <head> so no other page loads them. A page is rendered once per second, URL, program and live version. If the bundle is
 * missing or throws, the hub serves the plain page (the script draws the board as before) and logs one line.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FIRST_BOARD, type FirstBoard, type FirstBoardSeed, type LiveState, type RenderFirstBoard } from '../api.ts';
import type { ProgramUpdate } from '../../host-contract.ts';

/** Pages kept per second, and stylesheets kept at all: a venue has tens of screen URLs, not thousands. */
const MAX_PAGES = 200;
const MAX_STYLESHEETS = 1_000;
/** Where a page's own parts go in <head>: all before it is the template's, the same in every page. */
const HEAD_END = / *<\/head>/;
const ROOT = '<div id="root"><div class="boot" role="status">Loading the program…</div></div>';

export interface FirstBoardInput {
  search: string;
  update: ProgramUpdate;
  live: LiveState | null;
  /** Moves whenever the program or its status does: a new version renders again. */
  programVersion: number;
}

/** JSON safe inside a <script> element: no `<` at all, so no `</script>` and no `<!--`. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/**
 * index.html with the rendered board in #root (and, when a portrait screen draws it differently, that board in a
 * <noscript> before it: markup without script, which the no-script stylesheet shows on a portrait screen; text with
 * script, which the first fit puts in place on a portrait screen), its stylesheet, the no-script refresh and
 * stylesheet, and the seed. React escapes `<` in every text and attribute, so no `</noscript>` ends it early.
 */
export function composePage(
  template: string,
  board: Pick<FirstBoard, 'html' | 'portrait'>,
  css: { board: string; noScript: string },
  seed: FirstBoardSeed,
): string | null {
  if (!template.includes(ROOT) || !template.includes('</head>')) return null;
  const noScript = `<meta http-equiv="refresh" content="60" /><link rel="stylesheet" href="${css.noScript}" />`;
  const head = `  <link rel="stylesheet" href="${css.board}" />\n    <noscript>${noScript}</noscript>\n  </head>`;
  const portrait = board.portrait === undefined ? '' : `<noscript id="${FIRST_BOARD.portraitId}">${board.portrait}</noscript>`;
  const root = `${portrait}<div id="root">${board.html}</div>\n    <script type="application/json" id="${FIRST_BOARD.seedId}">${scriptSafeJson(seed)}</script>`;
  // Functions, not strings: a `$` in the program's text is not a replacement pattern.
  return template.replace(HEAD_END, () => head).replace(ROOT, () => root);
}

export class FirstBoardPages {
  private readonly rendererDir: string;
  private readonly log: (line: string) => void;
  private readonly now: () => number;
  private render: RenderFirstBoard | null = null;
  private second = -1;
  private readonly pages = new Map<string, string>();
  private readonly stylesheets = new Map<string, string>();
  /** One log line per failure, not one per request: set after a failure, cleared by the next success. */
  private failing = false;

  constructor(rendererDir: string, log: (line: string) => void, now: () => number = Date.now) {
    this.rendererDir = rendererDir;
    this.log = log;
    this.now = now;
  }

  /** Loads the server bundle; without it every page is the plain one. */
  async load(): Promise<void> {
    const file = resolve(this.rendererDir, '../renderer-server/render-board.js');
    try {
      const module = (await import(pathToFileURL(file).href)) as { renderFirstBoard?: RenderFirstBoard };
      if (typeof module.renderFirstBoard !== 'function') throw new Error('it exports no renderFirstBoard');
      this.render = module.renderFirstBoard;
    } catch (error) {
      this.log(`hub: no first board in the page (${file}: ${firstLine(error)}); serving the plain page`);
    }
  }

  /**
   * index.html as it starts every page, up to where a page's own parts go in its <head>, with the template: null
   * without a first board. That start is the same in every page and in the plain page, so the hub sends it before it
   * renders the board, and the browser fetches the stylesheets, scripts and fonts it names meanwhile.
   */
  async start(): Promise<{ start: string; template: string } | null> {
    if (this.render === null) return null;
    try {
      const template = await readFile(resolve(this.rendererDir, 'index.html'), 'utf8');
      const end = template.search(HEAD_END);
      return end < 0 ? null : { start: template.slice(0, end), template };
    } catch {
      return null;
    }
  }

  /** The page with the board in it, or null: serve the plain page. */
  async page(input: FirstBoardInput, template?: string): Promise<string | null> {
    if (this.render === null) return null;
    const realNow = this.now();
    // Kept for the second it was rendered in, no longer: the spotlight's speaker and the all-rooms page turn on the
    // wall clock every few seconds, so a page kept for a minute could show a speaker the script replaces at once.
    const second = Math.floor(realNow / 1000);
    if (second !== this.second) {
      this.second = second;
      this.pages.clear();
    }
    const key = `${input.programVersion}/${input.live?.version ?? -1}/${input.search}`;
    const kept = this.pages.get(key);
    if (kept !== undefined) return kept;
    try {
      template ??= await readFile(resolve(this.rendererDir, 'index.html'), 'utf8');
      const board = this.render({ search: input.search, update: input.update, live: input.live, realNow });
      const hash = hashOf(board.css);
      const noScriptHash = hashOf(board.noScriptCss);
      const href = (h: string): string => `.${FIRST_BOARD.cssPrefix}${h}.css`;
      const page = composePage(
        template,
        board,
        { board: href(hash), noScript: href(noScriptHash) },
        { update: input.update, live: input.live, realNow },
      );
      if (page === null) throw new Error('index.html has no <div id="root"> with the loading line to replace');
      if (this.stylesheets.size >= MAX_STYLESHEETS) this.stylesheets.clear();
      this.stylesheets.set(hash, board.css);
      this.stylesheets.set(noScriptHash, board.noScriptCss);
      if (this.pages.size >= MAX_PAGES) this.pages.clear();
      this.pages.set(key, page);
      this.failing = false;
      return page;
    } catch (error) {
      if (!this.failing) this.log(`hub: the first board could not be rendered (${firstLine(error)}); serving the plain page`);
      this.failing = true;
      return null;
    }
  }

  /** A rendered board's stylesheet by its path (`/first-board/<hash>.css`), or null. */
  stylesheet(path: string): string | null {
    const match = /^\/first-board\/([0-9a-f]{16})\.css$/.exec(path);
    return match ? (this.stylesheets.get(match[1]!) ?? null) : null;
  }
}

function hashOf(css: string): string {
  return createHash('sha256').update(css).digest('hex').slice(0, 16);
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}
