/**
 * What the hub and the kiosk's app:// protocol both serve: the board's
 * build, and the images a program file names (logo, map) from its folder.
 * One table of types and one containment rule, so neither host can serve a
 * file the other would refuse.
 */
import { realpath } from 'node:fs/promises';
import { extname, isAbsolute, posix, relative, resolve, sep } from 'node:path';
import type { Program } from '../program/schema.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export function contentTypeOf(file: string): string {
  return TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** URL prefix under which the images beside the program file are served. */
export const PROGRAM_FILES_PREFIX = '/program-files/';

// Only pictures: the program's folder may hold anything (exports, notes); the board needs its images.
const PROGRAM_FILE_TYPES = new Set(['.svg', '.png', '.jpg', '.jpeg', '.webp', '.gif', '.avif']);

export function isProgramFileType(path: string): boolean {
  return PROGRAM_FILE_TYPES.has(extname(path).toLowerCase());
}

/** The file at the (already URL-decoded) `path` inside `root`, or null when it would leave it. */
export function fileInside(root: string, path: string): string | null {
  if (path.includes('\0')) return null;
  const base = resolve(root);
  const file = resolve(base, `.${sep}${path}`);
  const rel = relative(base, file);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return null;
  return file;
}

/** A relative path as the program writes it and as a request asks for it: `./img/a.png` and `img/a.png` alike. */
function normalProgramPath(path: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.includes('\0')) return null;
  const normal = posix.normalize(path.replace(/\\/g, '/')).replace(/^(\.\/)+/, '');
  return normal === '' || normal === '.' || normal.startsWith('../') || normal.startsWith('/') ? null : normal;
}

/**
 * The files a program names by relative path (logo, map, speaker photos): the
 * only ones served from its folder, which may hold anything else (exports,
 * notes, a key).
 */
export function namedProgramFiles(program: Program): Set<string> {
  const named = new Set<string>();
  const paths = [
    program.event.logo,
    program.event.map?.image,
    ...program.items.flatMap((item) => (item.speakers ?? []).map((speaker) => speaker.photo)),
  ];
  for (const path of paths) {
    const normal = path === undefined ? null : normalProgramPath(path);
    if (normal !== null && isProgramFileType(normal)) named.add(normal);
  }
  return named;
}

/**
 * The file for a request (already URL-decoded, relative to the program's
 * folder) when the program names it and its real path, symbolic links
 * followed, stays inside the folder; otherwise null.
 */
export async function namedFileInside(root: string, path: string, named: ReadonlySet<string>): Promise<string | null> {
  const normal = normalProgramPath(path);
  if (normal === null || !named.has(normal)) return null;
  const file = fileInside(root, normal);
  if (file === null) return null;
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
    return fileInside(realRoot, relative(realRoot, realFile)) === realFile ? file : null;
  } catch {
    return null;
  }
}

/**
 * SVG can carry script, which runs when the file is opened as a page (never
 * from an <img>, which is how the board shows it). Opened directly it is a
 * download, and if rendered anyway it is sandboxed with no script.
 */
export function programFileHeaders(file: string): Record<string, string> {
  if (extname(file).toLowerCase() !== '.svg') return {};
  return {
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox",
    'content-disposition': 'attachment',
  };
}
