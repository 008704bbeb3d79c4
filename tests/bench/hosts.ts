/**
 * What the browser benchmarks load: a fresh production build of the board
 * (into a temp folder, so a bench never disturbs out/renderer while others use
 * it), the board's own hub, and the same hub serving static
 * baseline pages, so board and baseline cross the same kind of server.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { CORPUS as FIXTURE_CORPUS } from '../fixture-paths.ts';
import { startHubServer, type RunningHubServer } from '../../core/hub/server/server.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SEED_PROGRAM = join(ROOT, 'data', 'program.json');
// The real exports are copied into the repository (tests/fixtures/README.md says from where).
export const CORPUS = process.env.FOYER_CORPUS ?? FIXTURE_CORPUS;

/** A temp folder removed at the end of the run. */
export class Scratch {
  readonly dir = mkdtempSync(join(tmpdir(), 'foyer-bench-'));
  sub(name: string): string {
    return join(this.dir, name);
  }
  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Builds the board exactly as `npm run build:renderer` does, into `outDir`. */
export async function buildBoard(outDir: string): Promise<void> {
  await build({
    configFile: join(ROOT, 'renderer', 'vite.config.ts'),
    logLevel: 'error',
    build: { outDir, emptyOutDir: true },
  });
}

export interface Host {
  /** Base URL without the trailing slash. */
  base: string;
  close(): Promise<void>;
}

function wrap(host: RunningHubServer): Host {
  return { base: host.url.replace(/\/$/, ''), close: () => host.close() };
}

export async function boardHost(rendererDir: string, programLocation: string): Promise<Host> {
  return wrap(await startHubServer({ port: 0, programLocation, rendererDir }));
}

/** The hub serving a folder of static pages (its program is never asked for). */
export async function staticHost(dir: string, pages: Record<string, string> = {}): Promise<Host> {
  for (const [name, html] of Object.entries(pages)) writeFileSync(join(dir, name), html);
  return wrap(await startHubServer({ port: 0, programLocation: SEED_PROGRAM, rendererDir: dir }));
}

/** The committed baseline pages, copied next to generated ones. */
export function baselinePagesInto(dir: string): void {
  cpSync(join(ROOT, 'tests', 'bench', 'baseline-pages'), dir, { recursive: true });
}
