/**
 * What the web host and the kiosk's app:// protocol both serve: the board's
 * build, and the images a program file names (logo, map) from its folder.
 * One table of types and one containment rule, so neither host can serve a
 * file the other would refuse.
 */
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

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
