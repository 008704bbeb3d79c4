/**
 * Maps app://foyer/… URLs to files of the renderer build, for the protocol
 * handler. Only files under the build folder are ever served.
 */
import {
  contentTypeOf,
  fileInside,
  isProgramFileType,
  namedFileInside,
  PROGRAM_FILES_PREFIX,
} from '../core/node/static-files.ts';
import { isAppUrl } from './request-policy.ts';

export { contentTypeOf };

export interface AppFolders {
  /** The renderer build (out/renderer). */
  rendererDir: string;
  /** The folder of a program file, for the images it names by relative path; null for a program URL. */
  programDir: string | null;
  /** With a hub: the hub's address, whose /program-files/ has the images the program names by relative path. */
  hubUrl?: string | null;
  /** The files the program on screen names (logo, map, photos): the only ones served from programDir. */
  namedFiles?: () => ReadonlySet<string>;
}

/** For an app URL of a program image when the program comes from a hub: the same image on the hub; else null. */
export function hubFileForAppUrl(url: string, folders: AppFolders): string | null {
  if (!folders.hubUrl || !isAppUrl(url)) return null;
  const { pathname } = new URL(url);
  if (!pathname.startsWith(PROGRAM_FILES_PREFIX) || !isProgramFileType(pathname) || pathname.includes('..')) return null;
  return new URL(pathname.slice(1), folders.hubUrl.endsWith('/') ? folders.hubUrl : `${folders.hubUrl}/`).href;
}

/**
 * The file for an app URL, or null when the URL is not the app's or would
 * leave its folder. /program-files/… are the images the program names beside
 * its file, real paths inside that folder (as on the hub: the folder may
 * hold anything else, a key included); everything else is the board's build.
 */
export async function fileForAppUrl(url: string, folders: AppFolders): Promise<string | null> {
  if (!isAppUrl(url)) return null;
  let path: string;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  if (path.startsWith(PROGRAM_FILES_PREFIX)) {
    if (folders.programDir === null || !isProgramFileType(path)) return null;
    return namedFileInside(folders.programDir, path.slice(PROGRAM_FILES_PREFIX.length), folders.namedFiles?.() ?? new Set());
  }
  if (path === '/' || path === '') path = '/index.html';
  return fileInside(folders.rendererDir, path);
}
