import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateProgramText } from '../../../core/program/validate.ts';
import { contentTypeOf, fileForAppUrl } from '../../../electron/app-files.ts';
import { CONTENT_SECURITY_POLICY } from '../../../core/csp.ts';
import {
  APP_ENTRY,
  decideRequest,
  isAllowedNavigation,
  isTrustedSender,
  programImageUrls,
  type RequestPolicy,
} from '../../../electron/request-policy.ts';

const filePolicy: RequestPolicy = { programUrl: null, imageUrls: new Set(), devtools: false };
const urlPolicy: RequestPolicy = {
  programUrl: 'https://events.example.org/foyer/program.json',
  imageUrls: new Set(),
  devtools: false,
};

describe('request filter', () => {
  it('lets the board load its own files and nothing from the internet', () => {
    expect(decideRequest(APP_ENTRY, 'mainFrame', filePolicy)).toEqual({ allow: true });
    expect(decideRequest('app://foyer/assets/index-D57nF_Yk.js', 'script', filePolicy)).toEqual({ allow: true });
    expect(decideRequest('https://fonts.googleapis.com/css?family=Inter', 'stylesheet', filePolicy)).toEqual({
      allow: false,
      reason: 'https://fonts.googleapis.com is not the app or the program source',
    });
    expect(decideRequest('http://127.0.0.1:8730/api/program', 'xhr', filePolicy).allow).toBe(false);
    expect(decideRequest('file:///etc/passwd', 'xhr', filePolicy).allow).toBe(false);
  });

  it('does not mistake look-alike hosts or credentials for the app', () => {
    expect(decideRequest('app://foyer.evil.example/index.html', 'mainFrame', filePolicy).allow).toBe(false);
    expect(decideRequest('app://evil@foyer/index.html', 'mainFrame', filePolicy).allow).toBe(false);
    expect(decideRequest('https://foyer/index.html', 'mainFrame', filePolicy).allow).toBe(false);
  });

  it('admits the configured program URL exactly, and nothing else on its server', () => {
    expect(decideRequest('https://events.example.org/foyer/program.json', 'xhr', urlPolicy)).toEqual({ allow: true });
    expect(decideRequest('https://events.example.org/foyer/program.json#x', 'xhr', urlPolicy)).toEqual({ allow: true });
    expect(decideRequest('https://events.example.org/admin', 'xhr', urlPolicy).allow).toBe(false);
    expect(decideRequest('https://events.example.org/foyer/program.json', 'xhr', filePolicy).allow).toBe(false);
  });

  it('admits the https images the program names, as images only', () => {
    const policy = { ...filePolicy, imageUrls: new Set(['https://cdn.example.org/speakers/ada.jpg']) };
    expect(decideRequest('https://cdn.example.org/speakers/ada.jpg', 'image', policy)).toEqual({ allow: true });
    expect(decideRequest('https://cdn.example.org/speakers/ada.jpg', 'script', policy).allow).toBe(false);
    expect(decideRequest('https://cdn.example.org/speakers/grace.jpg', 'image', policy).allow).toBe(false);
  });

  it('keeps devtools out unless developing', () => {
    expect(decideRequest('devtools://devtools/bundled/inspector.html', 'mainFrame', filePolicy).allow).toBe(false);
    expect(
      decideRequest('devtools://devtools/bundled/inspector.html', 'mainFrame', { ...filePolicy, devtools: true }).allow,
    ).toBe(true);
  });

  it('finds the https images a real program names, ignoring relative paths and text', () => {
    const text = readFileSync(new URL('../../../data/program.json', import.meta.url), 'utf8');
    const seed = validateProgramText(text);
    if (!seed.ok) throw new Error('the seed program must be valid');
    const program = structuredClone(seed.program);
    program.event.logo = 'https://cdn.example.org/logo.svg';
    const talk = program.items.find((item) => (item.speakers ?? []).length > 0)!;
    talk.speakers![0]!.photo = 'https://cdn.example.org/speakers/ada.jpg';
    talk.speakers!.push({ ...talk.speakers![0]!, photo: 'photos/local.jpg' });
    expect([...programImageUrls(program)].sort()).toEqual([
      'https://cdn.example.org/logo.svg',
      'https://cdn.example.org/speakers/ada.jpg',
    ]);
  });
});

describe('navigation and IPC senders', () => {
  it('never lets the window leave the app', () => {
    expect(isAllowedNavigation('app://foyer/index.html')).toBe(true);
    expect(isAllowedNavigation('https://example.org/')).toBe(false);
    expect(isAllowedNavigation('javascript:alert(1)')).toBe(false);
  });

  it("answers IPC only from our window's top frame showing the app", () => {
    const ours = { frameUrl: 'app://foyer/index.html', isMainFrame: true, webContentsId: 1 };
    expect(isTrustedSender(ours, 1)).toBe(true);
    expect(isTrustedSender({ ...ours, webContentsId: 2 }, 1)).toBe(false);
    expect(isTrustedSender({ ...ours, isMainFrame: false }, 1)).toBe(false);
    expect(isTrustedSender({ ...ours, frameUrl: 'https://example.org/' }, 1)).toBe(false);
    expect(isTrustedSender({ ...ours, frameUrl: null }, 1)).toBe(false);
    expect(isTrustedSender(ours, null)).toBe(false);
  });

  it('has a CSP that forbids inline and foreign scripts and plugins, and that a <meta> can carry whole', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    // Chromium ignores these in a <meta> and says so on the console as an error.
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/frame-ancestors|report-uri|sandbox/);
  });
});

describe('app:// files', () => {
  const root = mkdtempSync(join(tmpdir(), 'foyer-app-files-'));
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  const programDir = join(root, 'program');
  mkdirSync(join(programDir, 'speakers'), { recursive: true });
  writeFileSync(join(programDir, 'speakers', 'ada l.jpg'), 'jpeg');
  writeFileSync(join(programDir, 'logo.png'), 'png');
  writeFileSync(join(programDir, 'not-named.png'), 'png');
  writeFileSync(join(root, 'secret.png'), 'outside the program folder');
  // A link the program names, pointing out of its folder: its real path decides.
  symlinkSync(join(root, 'secret.png'), join(programDir, 'linked.png'));
  const named = new Set(['speakers/ada l.jpg', 'logo.png', 'linked.png']);
  const folders = { rendererDir: root, programDir, namedFiles: () => named };
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('serves index.html for the root and files under the build folder', async () => {
    expect(await fileForAppUrl('app://foyer/', folders)).toBe(join(root, 'index.html'));
    expect(await fileForAppUrl('app://foyer/assets/a%20b.js?v=1', folders)).toBe(join(root, 'assets', 'a b.js'));
  });

  it('never serves anything outside the build folder', async () => {
    const hostile = [
      'app://foyer/../../etc/passwd',
      'app://foyer/%2e%2e/%2e%2e/etc/passwd',
      'app://foyer/assets/..%2f..%2f..%2fetc/passwd',
      'app://foyer/..%5c..%5cetc%5cpasswd',
    ];
    for (const url of hostile) {
      const file = await fileForAppUrl(url, folders);
      if (file !== null) expect(file.startsWith(`${root}/`), `${url} → ${file}`).toBe(true);
    }
    // Encoded slashes survive URL parsing and would climb out: refused outright.
    expect(await fileForAppUrl('app://foyer/assets/..%2f..%2f..%2fetc/passwd', folders)).toBeNull();
    expect(await fileForAppUrl('app://foyer/%00', folders)).toBeNull();
    expect(await fileForAppUrl('app://other/index.html', folders)).toBeNull();
    expect(await fileForAppUrl('file:///etc/passwd', folders)).toBeNull();
  });

  it('serves only the images the program names from its folder, by their real path', async () => {
    expect(await fileForAppUrl('app://foyer/program-files/speakers/ada%20l.jpg', folders)).toBe(
      join(programDir, 'speakers', 'ada l.jpg'),
    );
    expect(await fileForAppUrl('app://foyer/program-files/./logo.png', folders)).toBe(join(programDir, 'logo.png'));
    // An image the program does not name, the program itself, a climb out, a named link that leads out: none.
    expect(await fileForAppUrl('app://foyer/program-files/not-named.png', folders)).toBeNull();
    expect(await fileForAppUrl('app://foyer/program-files/program.json', folders)).toBeNull();
    expect(await fileForAppUrl('app://foyer/program-files/..%2fsecret.png', folders)).toBeNull();
    expect(await fileForAppUrl('app://foyer/program-files/linked.png', folders)).toBeNull();
    // No program on screen yet, or a program from a URL: nothing from any folder.
    expect(await fileForAppUrl('app://foyer/program-files/logo.png', { ...folders, namedFiles: () => new Set() })).toBeNull();
    expect(await fileForAppUrl('app://foyer/program-files/logo.png', { rendererDir: root, programDir: null })).toBeNull();
  });

  it('labels what it serves so the browser does not guess', () => {
    expect(contentTypeOf('x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('x/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('x/inter.woff2')).toBe('font/woff2');
    expect(contentTypeOf('x/unknown.bin')).toBe('application/octet-stream');
  });
});
