/**
 * Maps app://foyer/… URLs to files of the renderer build, for the protocol
 * handler. Only files under the build folder are ever served.
 */
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { isAppUrl } from './request-policy.ts';

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

const PROGRAM_FILES = '/program-files/';
// Only pictures: the program folder may hold anything (exports, notes), the board needs its images.
const PROGRAM_FILE_TYPES = new Set(['.png', '.jpg', '.jpeg', '.webp', '.svg', '.gif', '.avif']);

function inside(root: string, path: string): string | null {
  const base = resolve(root);
  const file = resolve(join(base, path));
  const rel = relative(base, file);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return null;
  return file;
}

export interface AppFolders {
  /** The renderer build (out/renderer). */
  rendererDir: string;
  /** The folder of a program file, for the images it names by relative path; null for a program URL. */
  programDir: string | null;
}

/**
 * The file for an app URL, or null when the URL is not the app's or would
 * leave its folder. /program-files/… are images beside the program file (as
 * on the web host); everything else is the board's build.
 */
export function fileForAppUrl(url: string, folders: AppFolders): string | null {
  if (!isAppUrl(url)) return null;
  let path: string;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  if (path.startsWith(PROGRAM_FILES)) {
    if (folders.programDir === null || !PROGRAM_FILE_TYPES.has(extname(path).toLowerCase())) return null;
    return inside(folders.programDir, path.slice(PROGRAM_FILES.length));
  }
  if (path === '/' || path === '') path = '/index.html';
  return inside(folders.rendererDir, path);
}
