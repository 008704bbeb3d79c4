// Core's layers, held by lint (rule `foyer/layers`): the order below is the design, not a description of it.
//
//   core/*.ts             base helpers every part may use: time (luxon, the event's zone), url, flags, csp, lines
//   core/i18n             the screen's language and clock: catalogues, plurals, dates, 12/24-hour times
//   core/layout           sizing, fit, palette, contrast: pure measures of a screen
//   core/program          the program file: schema, validator and its checks, problems, a moved item
//   core/engine           the program compiled for the clock: timeline, snapshot, board, rooms, delays
//   core/import           organisers' exports (frab, schedule.json, pretalx, iCal) read into a program; load.ts
//   core/export           the program (delays applied) written as frab XML and iCalendar
//   core/screen           one screen: its state, keymap, reducers, clock, sleep, the view it shows, its controller
//   core/host-contract.ts board ↔ host: FoyerHost, the program's status, the kiosk's IPC channels
//   core/hub/api.ts       the hub's HTTP and event-stream API: paths, commands, heartbeats, fleet rows, live state
//   core/hub/rules        the hub's pure rules: live state changes, fleet table, feed, wire readers, auth, timing
//   core/node             Node-only helpers shared by the kiosk and the hub: files, fetch, program source, token file
//   core/hub/server       the hub itself (Node): HTTP server, event streams, live commands, fleet registry, audit
//   core/hub-client       a screen's side of the hub: one session, a Node transport (the browser's is in renderer/)
//   core/cli              the command-line tools (npm run hub, validate, import, export-ics, schema)
//
// A file may import its own part and any part on an earlier line of LAYERS, never a later one nor a sibling on
// its own line: so an upward import, and with it any cycle between parts, fails `npm run lint`. Inside a part,
// a cycle between files fails too. Imports of type count: a type tie is a tie a reader has to follow.
import { readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Lowest first; parts on one line are siblings that may not import each other. */
export const LAYERS = [
  ['core/*.ts'],
  ['core/i18n'],
  ['core/layout'],
  ['core/program'],
  ['core/engine', 'core/import'],
  ['core/export', 'core/screen'],
  ['core/host-contract.ts'],
  ['core/hub/api.ts'],
  ['core/hub/rules'],
  ['core/node'],
  ['core/hub/server', 'core/hub-client'],
  ['core/cli'],
];

const RANK = new Map(LAYERS.flatMap((line, rank) => line.map((part) => [part, rank])));
const FOLDERS = [...RANK.keys()].filter((part) => !part.endsWith('.ts')).sort((a, b) => b.length - a.length);
const ORDER = LAYERS.map((line) => line.join(', ')).join(' < ');

const toPosix = (path) => path.split(sep).join('/');

/** The part a repository path belongs to: a named file, the deepest listed folder, or the base; null outside core. */
export function partOf(path) {
  if (!path.startsWith('core/')) return null;
  if (RANK.has(path)) return path;
  const folder = FOLDERS.find((f) => path.startsWith(`${f}/`));
  if (folder) return folder;
  return path.split('/').length === 2 ? 'core/*.ts' : `${path.split('/').slice(0, -1).join('/')} (not in the layer order)`;
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\b[^'";]*?from\s*['"](\.[^'"]+)['"]|(?:^|\n)\s*import\s*['"](\.[^'"]+)['"]|\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/g;

/** Relative imports of a file's text, as repository paths. */
function importsOf(file, text) {
  return [...text.matchAll(IMPORT)].map((m) => toPosix(relative(ROOT, resolve(ROOT, dirname(file), m[1] ?? m[2] ?? m[3]))));
}

const disk = new Map();
function importsOnDisk(file) {
  let mtime;
  try {
    mtime = statSync(resolve(ROOT, file)).mtimeMs;
  } catch {
    return [];
  }
  const cached = disk.get(file);
  if (cached?.mtime === mtime) return cached.imports;
  const imports = importsOf(file, readFileSync(resolve(ROOT, file), 'utf8'));
  disk.set(file, { mtime, imports });
  return imports;
}

/** The shortest path of imports inside one part from `start` back to `file` (file → start → … → file), or null. */
function cycleThrough(file, start) {
  const part = partOf(file);
  const cameFrom = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const at = queue.shift();
    if (at === file) {
      const trail = [];
      for (let step = at; step !== null; step = cameFrom.get(step)) trail.unshift(step);
      return [file, ...trail];
    }
    if (partOf(at) !== part) continue;
    for (const next of importsOnDisk(at)) {
      if (cameFrom.has(next)) continue;
      cameFrom.set(next, at);
      queue.push(next);
    }
  }
  return null;
}

const layers = {
  meta: {
    type: 'problem',
    docs: { description: "Core's parts import only lower layers, and files inside a part form no cycle." },
    schema: [],
  },
  create(context) {
    const file = toPosix(relative(ROOT, context.filename));
    const from = partOf(file);
    if (from === null) return {};
    const check = (node, spec) => {
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = toPosix(relative(ROOT, resolve(ROOT, dirname(file), spec)));
      const to = partOf(target);
      if (to === null) return;
      if (!RANK.has(from) || !RANK.has(to)) {
        const unknown = RANK.has(from) ? to : from;
        context.report({ node, message: `${unknown}: add it to LAYERS in .config/eslint-layers.js.` });
        return;
      }
      if (to === from) {
        const cycle = cycleThrough(file, target);
        if (cycle)
          context.report({
            node,
            message: `Import cycle in ${from}: ${cycle.join(' → ')}; move what they share into a file both import.`,
          });
        return;
      }
      if (RANK.get(to) < RANK.get(from)) return;
      const how = RANK.get(to) === RANK.get(from) ? 'a sibling on its own layer' : 'a higher layer';
      context.report({
        node,
        message: `${from} may not import ${to} (${how}): core's layers run ${ORDER}. Move the shared code down to the layer it belongs to.`,
      });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export const foyerPlugin = { rules: { layers } };
