/**
 * The README and docs/ say what a newcomer types and where to read on; both must
 * stay true. Every relative link names a file that exists (and an #anchor a
 * heading there, by GitHub's slug rules); every command in a sh/bash/console
 * block is run here (quick ones, in a scratch copy of the repository's data, so
 * the tree stays clean) or mapped to the test that covers it, unless the block is
 * marked illustrative (docs/testing.md says how). The README stays one screen.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const PAGES = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const README_MAX_LINES = 200;

/**
 * Commands this test runs for real, each from the repository's root as a reader
 * would, but in a scratch folder whose data/ is a copy: they only read, or write
 * there. In the order the pages give them (an import, then the validation of what it wrote).
 */
const RUN: readonly string[] = [
  'npm run validate -- data/program.json',
  'npm run import -- tests/fixtures/corpus/fosdem-2025.xml -o data/fosdem.json',
  'npm run validate -- tests/fixtures/valid-small.json --verbose',
  'npm run import -- tests/fixtures/corpus/38c3-hub.xml --group-by prefix -o data/38c3.json',
  'npm run validate -- data/38c3.json',
  'npm run export-ics -- --program data/program.json -o program.ics',
  'npm run lang -- template de -o data/languages/de.json',
  'npm run lang -- check data/languages/de.json',
  'npm run hub -- --help',
  'npm run bench -- --help',
];

/**
 * Commands too long, too wide or too lasting to run here (servers, the kiosk, the
 * whole suite, the benchmark), each with the test, or the CI script, that runs what it shows.
 */
const COVERED: Readonly<Record<string, string>> = {
  // No test of its own for --demo: the hub it starts is started as a technician does in never-dark.
  'npm install && npm run demo': 'tests/e2e/never-dark.spec.ts',
  'npm test': '.ci/run',
  'npm run hub -- --program data/program.json': 'tests/e2e/never-dark.spec.ts',
  'npm run hub -- --program data/fosdem.json': 'tests/e2e/never-dark.spec.ts',
  'npm run hub -- --program data/program.json --host 0.0.0.0': 'tests/e2e/hub.spec.ts',
  'npm run hub -- --program /srv/foyer/program.json --host 0.0.0.0 --state-dir /var/lib/foyer --token-file /etc/foyer/staff-token':
    'tests/e2e/hub.spec.ts',
  'npm run hub -- --program /srv/foyer/program.json --state-dir /var/lib/foyer --token-file /etc/foyer/staff-token --trust-proxy 127.0.0.1 --public-url https://foyer.example.org/':
    'tests/e2e/proxy.spec.ts',
  // The code and the link it draws, and that they reach no pipe, are that test's; the hub it starts is hub.spec's.
  'npm run hub -- --program /srv/foyer/program.json --host 0.0.0.0 --staff-qr': 'tests/unit/cli/staff-qr.test.ts',
  'npm start': 'tests/unit/build/launch.test.ts',
  'npm start -- --windowed': 'tests/unit/build/launch.test.ts',
  'npm start -- --program ~/event/program.json --room main --name "Hall B, left of the door"':
    'tests/unit/electron/options.test.ts',
  'npx vitest run --config tests/vitest.config.ts tests/unit/docs/docs.test.ts': 'tests/unit/docs/docs.test.ts',
  'npm run test:e2e -- tests/e2e/hotkeys.spec.ts': 'tests/e2e/hotkeys.spec.ts',
  // The page's own curl lines, run against a real hub by that test.
  'curl -fsS -X POST "$HUB/api/command" -H "Authorization: Bearer $TOKEN" -H \'Content-Type: application/json\' -d \'{"command":{"type":"set-delay","room":"main","day":"2026-05-06","minutes":10},"by":"Stream Deck"}\'':
    'tests/unit/hub/command-api.test.ts',
  'curl -fsS -X POST "$HUB/api/command" -H "Authorization: Bearer $TOKEN" -H \'Content-Type: application/json\' -d \'{"command":{"type":"set-room-status","room":"main","day":"2026-05-06","status":"full"},"by":"Stream Deck"}\'':
    'tests/unit/hub/command-api.test.ts',
  'curl -fsS -X POST "$HUB/api/command" -H "Authorization: Bearer $TOKEN" -H \'Content-Type: application/json\' -d \'{"command":{"type":"set-emergency","on":true},"by":"Stream Deck"}\'':
    'tests/unit/hub/command-api.test.ts',
  'curl -fsS -X POST "$HUB/api/command" -H "Authorization: Bearer $TOKEN" -H \'Content-Type: application/json\' -d \'{"command":{"type":"set-emergency","on":false},"by":"Stream Deck"}\'':
    'tests/unit/hub/command-api.test.ts',
  'curl -fsS -X POST "$HUB/api/command" -H "Authorization: Bearer $TOKEN" -H \'Content-Type: application/json\' -d \'{"command":{"type":"post-announcement","id":"doors","text":"Doors close at 10:00","priority":"high","where":{"type":"rooms","rooms":["main"]},"from":"09:30","until":"10:00"},"by":"Stream Deck"}\'':
    'tests/unit/hub/command-api.test.ts',
  'curl -fsS -X POST "$HUB/api/command" -H "Authorization: Bearer $TOKEN" -H \'Content-Type: application/json\' -d \'{"command":{"type":"stop-announcement","id":"doors"},"by":"Stream Deck"}\'':
    'tests/unit/hub/command-api.test.ts',
  'npm run bench': 'tests/bench/run.ts',
  'npm run bench -- --smoke': 'tests/bench/run.ts',
  'npm run bench -- --only idle,startup': 'tests/bench/run.ts',
  'npm run bench -- --strict': 'tests/bench/run.ts',
  'npm run bench -- --idle-seconds 20': 'tests/bench/run.ts',
};

interface Block {
  page: string;
  line: number;
  lang: string;
  illustrative: boolean;
  body: string[];
}

interface Page {
  name: string;
  /** Lines outside code blocks, for links and headings, with their numbers. */
  prose: { line: number; text: string }[];
  blocks: Block[];
}

function readPage(name: string): Page {
  const lines = readFileSync(join(ROOT, name), 'utf8').split('\n');
  const prose: Page['prose'] = [];
  const blocks: Block[] = [];
  let open: { fence: string; block: Block } | null = null;
  let lastProse = '';
  lines.forEach((text, i) => {
    if (open !== null) {
      if (text.trim() === open.fence) {
        blocks.push(open.block);
        open = null;
      } else open.block.body.push(text);
      return;
    }
    const fence = /^\s*(`{3,}|~{3,})\s*([\w-]*)/.exec(text);
    if (fence !== null) {
      const illustrative = /^\s*<!--\s*illustrative\b/.test(lastProse);
      open = { fence: fence[1]!, block: { page: name, line: i + 1, lang: fence[2]!, illustrative, body: [] } };
      return;
    }
    prose.push({ line: i + 1, text });
    if (text.trim() !== '') lastProse = text;
  });
  if (open !== null) throw new Error(`${name}: a code block opened and never closed`);
  return { name, prose, blocks };
}

const SHELL = new Set(['sh', 'bash', 'console', 'shell']);

/** The commands of a shell block: continuation lines joined, comments and console output dropped. */
function commandsOf(block: Block): string[] {
  const joined: string[] = [];
  let carry = '';
  for (const raw of block.body) {
    if (block.lang === 'console' && carry === '' && !raw.trimStart().startsWith('$ ')) continue; // output
    const line = block.lang === 'console' && carry === '' ? raw.trimStart().slice(2) : raw;
    if (line.trimEnd().endsWith('\\')) {
      carry += line.trimEnd().slice(0, -1) + ' ';
      continue;
    }
    joined.push(carry + line);
    carry = '';
  }
  return joined
    .map((line) =>
      line
        .replace(/(^|\s)#\s.*$/, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((line) => line !== '');
}

/** GitHub's heading anchors: lower case, inline markup to its text, punctuation gone, spaces to hyphens, repeats numbered. */
function anchorsOf(page: Page): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const { text } of page.prose) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(text);
    if (heading === null) continue;
    const slug = heading[1]!
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    anchors.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return anchors;
}

/** Links and images in prose, code spans left out. */
function linksOf(page: Page): { line: number; target: string }[] {
  const out: { line: number; target: string }[] = [];
  for (const { line, text } of page.prose) {
    const bare = text.replace(/`[^`]*`/g, '');
    for (const match of bare.matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) out.push({ line, target: match[1]! });
  }
  return out;
}

const pages = PAGES.map(readPage);
const shellBlocks = pages.flatMap((p) => p.blocks).filter((b) => SHELL.has(b.lang));
const shown = shellBlocks.filter((b) => !b.illustrative).flatMap((b) => commandsOf(b).map((command) => ({ command, block: b })));
const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
const scriptOf = (command: string): string | null =>
  /^npm run ([\w:-]+)/.exec(command)?.[1] ?? (/^npm (start|test)\b/.exec(command)?.[1] as string | undefined) ?? null;

describe('the README and docs/', () => {
  it(`keep the README at most ${README_MAX_LINES} lines, starting with the two commands a newcomer needs`, () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8').trimEnd().split('\n');
    expect(readme.length).toBeLessThanOrEqual(README_MAX_LINES);
    const first = pages[0]!.blocks[0]!;
    expect(first.line).toBeLessThanOrEqual(5);
    expect(commandsOf(first)).toEqual(['npm install && npm run demo', 'npm test']);
  });

  it('link only to files that exist, and to headings those pages have', () => {
    const anchors = new Map(pages.map((p) => [p.name, anchorsOf(p)]));
    const broken: string[] = [];
    for (const page of pages)
      for (const { line, target } of linksOf(page)) {
        if (/^[a-z][a-z+.-]*:/i.test(target)) continue; // https:, mailto: — no network here
        const [path = '', anchor] = target.split('#');
        const file = path === '' ? page.name : normalize(join(dirname(page.name), decodeURIComponent(path)));
        const where = `${page.name}:${line}: ${target}`;
        if (file.startsWith('..') || !existsSync(join(ROOT, file))) broken.push(`${where}: no file ${file}`);
        else if (anchor !== undefined && file.endsWith('.md')) {
          const known = anchors.get(file) ?? anchorsOf(readPage(file));
          if (!known.has(anchor)) broken.push(`${where}: no heading #${anchor} in ${file}`);
        }
      }
    expect(broken).toEqual([]);
  });

  it('have every page in the README table', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const missing = PAGES.filter((p) => p !== 'README.md' && !readme.includes(`](${p})`));
    expect(missing).toEqual([]);
  });

  it('mark illustrative only blocks that say why', () => {
    const bare = shellBlocks
      .filter((b) => b.illustrative)
      .filter((b) => {
        const page = pages.find((p) => p.name === b.page)!;
        const before = page.prose.filter((l) => l.line < b.line && l.text.trim() !== '').at(-1)!;
        return !/<!--\s*illustrative:\s*\S/.test(before.text);
      });
    expect(bare.map((b) => `${b.page}:${b.line}`)).toEqual([]);
  });

  it('show only commands that are run here or mapped to the test that covers them', () => {
    const unchecked = shown
      .filter(({ command }) => !RUN.includes(command) && !(command in COVERED))
      .map(({ command, block }) => `${block.page}:${block.line}: ${command}`);
    expect(unchecked, 'add each to RUN or COVERED, or mark its block <!-- illustrative: why -->').toEqual([]);
    const stale = [...RUN, ...Object.keys(COVERED)].filter((command) => !shown.some((s) => s.command === command));
    expect(stale, 'no page shows these any more').toEqual([]);
  });

  it('map commands only to tests that exist, and name only npm scripts that exist', () => {
    const missing = Object.entries(COVERED)
      .filter(([, file]) => !existsSync(join(ROOT, file)))
      .map(([command, file]) => `${command} → ${file}`);
    expect(missing).toEqual([]);
    const unknown = shown
      .map(({ command }) => command.split('&&').map((part) => part.trim()))
      .flat()
      .filter((part) => {
        const script = scriptOf(part);
        return script !== null && !(script in scripts);
      });
    expect(unknown).toEqual([]);
  });
});

// npm run test:tz runs the unit suite in three zones; what these commands print in each is the CLI tests' to check,
// so they run once (in the first zone, or in a plain run: tests/vitest.config.ts, ZONE_FREE) and CI takes no longer
// for them than that.
const ONCE = process.env.FOYER_REPEAT_ZONE !== '1';

describe.runIf(ONCE)('the commands the pages show', () => {
  let scratch = '';
  beforeAll(() => {
    // The repository as a reader has it, but with data/ a copy, so what the commands write stays out of the tree.
    scratch = mkdtempSync(join(tmpdir(), 'foyer-docs-'));
    for (const entry of readdirSync(ROOT)) {
      if (entry === '.git' || entry === 'data') continue;
      symlinkSync(join(ROOT, entry), join(scratch, entry));
    }
    cpSync(join(ROOT, 'data'), join(scratch, 'data'), { recursive: true });
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  function run(command: string): Promise<{ code: number | null; output: string }> {
    return new Promise((done) => {
      const home = join(scratch, '.home');
      const child = spawn('sh', ['-c', command], {
        cwd: scratch,
        env: { ...process.env, HOME: home, XDG_STATE_HOME: join(home, 'state'), XDG_CACHE_HOME: join(home, 'cache') },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('close', (code) => done({ code, output }));
    });
  }

  for (const command of RUN) {
    it(`${command} exits 0`, { timeout: 60_000 }, async () => {
      const { code, output } = await run(command);
      expect(code, `${command} (in ${scratch})\n${output}`).toBe(0);
      const written = / -o (\S+)$/.exec(command)?.[1];
      if (written !== undefined) expect(existsSync(join(scratch, written)), `${written} written`).toBe(true);
    });
  }
});
