/**
 * app://foyer/: the board's build and the images beside the program file,
 * served by the main process. Checklist #18 (custom protocol instead of
 * file://) and #7 (a Content-Security-Policy on every response).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../core/csp.ts';
import { readCappedBytes } from '../core/node/program-fetch.ts';
import { DEFAULT_MAX_BYTES } from '../core/node/program-file.ts';
import { contentTypeOf, fileForAppUrl, hubFileForAppUrl, type AppFolders } from './app-files.ts';
import { APP_SCHEME } from './request-policy.ts';

/** Before 'ready': a standard, secure scheme gets an origin, CSP and fetch like https. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

const HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-cache',
};

/** The answer to one app:// request: a file of the build (or a program image, from its folder or the hub), or 404. */
export async function appResponse(request: Pick<Request, 'url' | 'method'>, folders: AppFolders): Promise<Response> {
  const fromHub = request.method === 'GET' ? hubFileForAppUrl(request.url, folders) : null;
  if (fromHub !== null) {
    try {
      // The main process fetches it, so the page still reaches nothing but app://.
      const answer = await fetch(fromHub, { signal: AbortSignal.timeout(15_000) });
      // An image as large as a program may be, no larger: a hub (or what answers as one) cannot fill the kiosk's memory.
      const body = answer.ok ? await readCappedBytes(answer, DEFAULT_MAX_BYTES) : await answer.body?.cancel();
      if (body && 'bytes' in body)
        return new Response(new Uint8Array(body.bytes), {
          status: 200,
          headers: { ...HEADERS, 'content-type': contentTypeOf(new URL(fromHub).pathname) },
        });
    } catch {
      // The hub is away: no image, the board shows its text without it.
    }
  }
  const file = request.method === 'GET' ? await fileForAppUrl(request.url, folders) : null;
  if (file !== null) {
    try {
      return new Response(await readFile(file), { status: 200, headers: { ...HEADERS, 'content-type': contentTypeOf(file) } });
    } catch {
      // Falls through to 404: a folder, or a file that is not there.
    }
  }
  return new Response('Not found', { status: 404, headers: { ...HEADERS, 'content-type': 'text/plain; charset=utf-8' } });
}

/** Serves app://; says once, in the log, when the board has not been built (every page would be a 404). */
export function serveApp(folders: AppFolders, log: (line: string) => void = () => {}): void {
  if (!existsSync(join(folders.rendererDir, 'index.html')))
    log(`the board is not built (${folders.rendererDir} is missing): run npm run build:renderer`);
  protocol.handle(APP_SCHEME, (request) => appResponse(request, folders));
}
