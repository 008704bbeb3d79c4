/**
 * `npm run import` as an organiser runs it: a real process, real files and a
 * real HTTP server on 127.0.0.1 serving a schedule, a 404, a login page, a
 * server that never answers, and a port nobody listens on.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS } from '../../fixture-paths.ts';
import { validateProgramText } from '../../../core/program/validate.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;
const FOSDEM = readFileSync(CORPUS + 'fosdem-2025.xml', 'utf8');
const LOGIN = readFileSync(new URL('../../fixtures/import/login-page.html', import.meta.url), 'utf8');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function runImport(args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, ['--import', 'tsx', 'core/cli/import.ts', ...args], { cwd: ROOT }, (error, stdout, stderr) => {
      done({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

let server: Server;
let base: string;
let closedPort: number;
const hanging = new Set<import('node:http').ServerResponse>();

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/fosdem/schedule.xml') {
      res.writeHead(200, { 'content-type': 'application/xml; charset=utf-8' });
      res.end(FOSDEM);
    } else if (req.url === '/login') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(LOGIN);
    } else if (req.url === '/slow') {
      hanging.add(res); // never answers
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const closed = createServer();
  await new Promise<void>((ready) => closed.listen(0, '127.0.0.1', ready));
  closedPort = (closed.address() as AddressInfo).port;
  await new Promise((gone) => closed.close(gone));
});

afterAll(async () => {
  for (const res of hanging) res.destroy();
  await new Promise((gone) => server.close(gone));
});

const tmp = () => mkdtempSync(join(tmpdir(), 'foyer-import-'));

// Each run starts a fresh tsx process; allow for a busy machine.
describe('npm run import from a URL', { timeout: 60_000 }, () => {
  it('imports a valid schedule, prints the summary and writes a program that validates', async () => {
    const out = join(tmp(), 'nested', 'fosdem.json');
    const run = await runImport([`${base}/fosdem/schedule.xml`, '-o', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // Independent counts from the raw file.
    const events = FOSDEM.split('<event ').length - 1;
    const rooms = new Set([...FOSDEM.matchAll(/<room\s[^>]*name="([^"]+)"/g)].map((m) => m[1])).size;
    const speakers = new Set(
      [...FOSDEM.matchAll(/<person id="\d+">([^<]+)<\/person>/g)].map((m) => m[1]!.replace(/&amp;/g, '&').trim()),
    ).size;
    expect(run.stdout).toContain(`${base}/fosdem/schedule.xml: frab/pentabarf schedule.xml`);
    expect(run.stdout).toContain('FOSDEM 2025 (Europe/Brussels), 2025-02-01 to 2025-02-02');
    expect(run.stdout).toContain('2 days: 2025-02-01, 2025-02-02');
    expect(run.stdout).toContain(`  ${rooms} rooms\n`);
    expect(run.stdout).toContain(`  ${events} items\n`);
    expect(run.stdout).toContain(`  ${speakers} speakers\n`);
    const text = readFileSync(out, 'utf8');
    const result = validateProgramText(text);
    expect(result.ok).toBe(true);
    const written = JSON.parse(text) as { $schema: string; version: number };
    expect(written.version).toBe(1);
    // $schema points at data/program.schema.json from wherever the file was written.
    expect(resolve(dirname(out), written.$schema)).toBe(join(ROOT, 'data/program.schema.json'));
    expect(existsSync(join(ROOT, 'data/program.schema.json'))).toBe(true);
  });

  it('says 404 in one line and writes nothing', async () => {
    const out = join(tmp(), 'x.json');
    const run = await runImport([`${base}/missing.json`, '-o', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`${base}/missing.json: the server answered 404 Not Found\n`);
    expect(existsSync(out)).toBe(false);
  });

  it('recognises an HTML page instead of a schedule', async () => {
    const run = await runImport([`${base}/login`, '-o', join(tmp(), 'x.json')]);
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n')[0]).toBe(
      `${base}/login: is a web page (HTML), not a schedule: use the export itself, e.g. …/schedule.xml, …/schedule.json or …/schedule.ics`,
    );
  });

  it('gives up on a server that does not answer', async () => {
    const started = Date.now();
    const run = await runImport([`${base}/slow`, '--timeout', '1', '-o', join(tmp(), 'x.json')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`${base}/slow: no answer within 1 s\n`);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('says connection refused when nothing listens', async () => {
    const url = `http://127.0.0.1:${closedPort}/schedule.json`;
    const run = await runImport([url, '-o', join(tmp(), 'x.json')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`${url}: connection refused (is the server running and the port right?)\n`);
  });
});

describe('npm run import from a file', { timeout: 60_000 }, () => {
  it('prints each kind of warning with its examples naming the event, field and assumption', async () => {
    const out = join(tmp(), 'traps.json');
    const run = await runImport(['tests/fixtures/import/traps.xml', '-o', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      '2 warnings:\n  1 <date> disagrees with <start>\n    tests/fixtures/import/traps.xml: event 7 (field date): "2025-02-01T11:00:00+00:00" is 12:00',
    );
    expect(run.stdout).toContain(
      '  1 id is used twice; renamed\n    tests/fixtures/import/traps.xml: event 7 (field id): id also used by the 1st event in the file; this one is kept as "7-2"\n',
    );
    // "0:40" is how pentabarf writes 40 minutes: read without a warning.
    expect(run.stdout).not.toContain('0:40');
    expect(validateProgramText(readFileSync(out, 'utf8')).ok).toBe(true);
  });

  it('refuses an unknown --group-by in one line', async () => {
    const run = await runImport(['tests/fixtures/import/traps.xml', '--group-by', 'floor', '-o', join(tmp(), 'x.json')]);
    expect([run.code, run.stderr]).toEqual([2, '--group-by must be one of prefix, track, type, assembly, not "floor"\n']);
  });

  it('asks for --timezone when the file has none, and uses it when given', async () => {
    const out = join(tmp(), 'old.json');
    const refused = await runImport(['tests/fixtures/import/old-pentabarf-no-zone.xml', '-o', out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('pass --timezone');
    const run = await runImport(['tests/fixtures/import/old-pentabarf-no-zone.xml', '--timezone', 'Europe/Brussels', '-o', out]);
    expect(run.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).event.timezone).toBe('Europe/Brussels');
  });

  it('names a missing file and explains the usage', async () => {
    expect((await runImport(['nope.xml', '-o', join(tmp(), 'x.json')])).stderr).toBe('nope.xml: no such file\n');
    const usage = await runImport(['tests/fixtures/import/traps.xml']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^usage: npm run import -- FILE_OR_URL/);
  });
});
