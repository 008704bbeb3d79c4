/**
 * The Electron security checklist
 * (https://www.electronjs.org/docs/latest/tutorial/security), the rules that
 * live outside the window's webPreferences (those are in window.ts). Each rule
 * names the item it enforces; the decisions themselves are pure functions in
 * request-policy.ts.
 */
import type { App, Session, WebContents } from 'electron';
import type { Log } from './log.ts';
import { decideRequest, isAllowedNavigation, type RequestPolicy } from './request-policy.ts';

/** Every webContents, including any a bug might create. */
export function hardenContents(contents: WebContents, log: Log): void {
  // #13 Disable or limit navigation: the board never leaves the app (a reload of itself is fine).
  contents.on('will-navigate', (event, url) => {
    if (isAllowedNavigation(url)) return;
    event.preventDefault();
    log(`blocked navigation to ${url.slice(0, 200)}`);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  // #12 Verify WebView options before creation: there is no <webview> at all.
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // #14 Disable or limit the creation of new windows.
  contents.setWindowOpenHandler(({ url }) => {
    log(`blocked a new window for ${url.slice(0, 200)}`);
    return { action: 'deny' };
  });
}

export function hardenApp(app: App, log: Log): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, log));
}

/** `policy` is read on every request, so the program feed can update the images it allows. */
export function hardenSession(session: Session, policy: RequestPolicy, log: Log): void {
  // #5 Handle session permission requests from remote content: the board needs none.
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`denied a permission request: ${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  // #1 Only load secure content, and only our own: every request that is neither the app's nor the program's is cancelled.
  const reported = new Set<string>();
  session.webRequest.onBeforeRequest((details, callback) => {
    const decision = decideRequest(details.url, details.resourceType, policy);
    if (!decision.allow && !reported.has(details.url)) {
      reported.add(details.url);
      log(`blocked a ${details.resourceType} request to ${details.url.slice(0, 200)}: ${decision.reason}`);
    }
    callback({ cancel: !decision.allow });
  });
}
