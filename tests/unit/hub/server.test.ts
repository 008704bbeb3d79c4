import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubServer, type RunningHubServer } from '../../../core/hub/server/server.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

describe('the hub serves the board and the program, and nothing else', () => {
  let dir: string;
  let host: RunningHubServer;
  let base: string;

  beforeAll(async () => {
    // A stand-in build folder, so this test needs no vite build.
    dir = mkdtempSync(join(tmpdir(), 'foyer-web-'));
    const renderer = join(dir, 'renderer');
    const program = join(dir, 'event');
    for (const folder of [renderer, join(renderer, 'assets'), program]) mkdirSync(folder, { recursive: true });
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>board</title>');
    writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
    const seed = JSON.parse(await readFile(join(ROOT, 'data', 'program.json'), 'utf8')) as { event: object };
    writeFileSync(join(program, 'program.json'), JSON.stringify({ ...seed, event: { ...seed.event, logo: 'logo.svg' } }));
    writeFileSync(join(program, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(program, 'unnamed.png'), 'not named by the program');
    writeFileSync(join(program, 'notes.txt'), 'private');
    writeFileSync(join(dir, 'secret.txt'), 'secret');
    host = await startHubServer({ port: 0, programLocation: join(program, 'program.json'), rendererDir: renderer });
    base = host.url.replace(/\/$/, '');
  });
  afterAll(async () => {
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (path: string) => fetch(base + path);

  it('serves the page (with the program preloaded), its assets and the program', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('link')).toContain('</api/program>; rel=preload');
    expect((await get('/assets/app.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const program = (await (await get('/api/program')).json()) as { program: { items: unknown[] }; status: { error: null } };
    expect(program.program.items).toHaveLength(39);
    expect(program.status.error).toBeNull();
  });

  it('serves the images the program names beside it, and nothing else from that folder', async () => {
    const logo = await get('/program-files/logo.svg');
    expect(logo.status).toBe(200);
    expect(logo.headers.get('content-type')).toBe('image/svg+xml');
    expect((await get('/program-files/./logo.svg')).status).toBe(200);
    for (const other of ['notes.txt', 'program.json', 'unnamed.png', 'logo.svg/', 'LOGO.SVG'])
      expect((await get(`/program-files/${other}`)).status, other).toBe(404);
  });

  it('never leaves its folders', async () => {
    const climbs = ['..%2f', '%2e%2e/', '%2e%2e%2f', '..%5c', '%2e%2e%5c', '....//', '..%252f', '%c0%ae%c0%ae/', '..;/'];
    const paths = [
      '/%E0%A4%A',
      '/nope.js',
      '/secret.txt',
      '/program-files/secret.txt',
      '/program-files/%00logo.svg',
      '/program-files//etc/passwd',
      '/program-files/%2fetc%2fpasswd',
      '/assets/%00',
      '//etc/passwd',
      '/%2fetc%2fpasswd',
    ];
    for (const climb of climbs)
      for (const prefix of ['/', '/assets/', '/program-files/', '/program-files/x/'])
        paths.push(`${prefix}${climb}secret.txt`, `${prefix}${climb}${climb}secret.txt`);
    expect(paths.length).toBeGreaterThan(46);
    for (const path of paths) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).not.toContain('secret');
    }
  });
});
