/**
 * `npm run bench`: how light the board is, each figure beside a baseline
 * measured in the same run, so the ratios hold on a busy machine.
 *
 *   npm run bench                 the full run (a few minutes); writes results/latest.{json,md}
 *   npm run bench -- --smoke      a few seconds per measurement, no targets judged (CI); writes tests/artifacts/bench/smoke.{json,md}
 *   --only idle,soak,startup,switch,engine,bundle,oldmemory   run some benchmarks
 *   --strict                      exit 1 when a target is missed (full run)
 *   --idle-seconds N              length of each idle-cost window (default 60)
 *
 * Exits non-zero when a benchmark could not run.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from './browser.ts';
import { bundle } from './bundle.ts';
import { engine } from './engine.ts';
import { CCC_38C3, corpusProgram, FOSDEM_2025 } from './corpus.ts';
import { baselinePagesInto, boardHost, buildBoard, ROOT, Scratch, SEED_PROGRAM, staticHost, type Host } from './hosts.ts';
import { idleCost } from './idle.ts';
import { machine, save, textTable, type Report, type Row } from './report.ts';
import { roomSwitch } from './room-switch.ts';
import { daysOfRunning } from './soak.ts';
import { startUp } from './startup.ts';
import { oldEngineMemory } from './old-engine-memory.ts';

const BENCHES = ['engine', 'bundle', 'startup', 'switch', 'idle', 'soak', 'oldmemory'] as const;
type Bench = (typeof BENCHES)[number];

function parseArgs(argv: readonly string[]): { smoke: boolean; strict: boolean; only: Set<Bench>; idleSeconds: number | null } {
  let smoke = false;
  let idleSeconds: number | null = null;
  let strict = false;
  let only = new Set<Bench>(BENCHES);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--smoke') smoke = true;
    else if (arg === '--strict') strict = true;
    else if (arg === '--idle-seconds' || arg.startsWith('--idle-seconds=')) {
      idleSeconds = Number(arg.includes('=') ? arg.slice('--idle-seconds='.length) : argv[++i]);
      if (!(idleSeconds >= 1)) throw new Error('--idle-seconds takes a number of seconds (at least 1)');
    } else if (arg === '--only' || arg.startsWith('--only=')) {
      const list = (arg.includes('=') ? arg.slice('--only='.length) : (argv[++i] ?? '')).split(',').filter(Boolean);
      const unknown = list.filter((b) => !BENCHES.includes(b as Bench));
      if (unknown.length > 0 || list.length === 0)
        throw new Error(`--only takes some of ${BENCHES.join(',')}; got "${list.join(',')}"`);
      only = new Set(list as Bench[]);
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write(
        'usage: npm run bench -- [--smoke] [--strict] [--idle-seconds N] [--only engine,bundle,startup,switch,idle,soak,oldmemory]\n',
      );
      process.exit(0);
    } else throw new Error(`unknown option ${arg} (try --help)`);
  }
  return { smoke, strict, only, idleSeconds };
}

/** The full run measures long enough for medians to settle; the smoke run only proves every benchmark runs. */
const PLAN = {
  full: {
    idleSeconds: 60,
    idleRounds: 3,
    settleMs: 3000,
    soakSpeed: 3600,
    startupSamples: 9,
    presses: 41,
    engineStep: 1,
    // Every minute of both events is already hundreds of thousands of queries.
    engineRounds: 1,
  },
  smoke: {
    idleSeconds: 2,
    idleRounds: 1,
    settleMs: 500,
    soakSpeed: 172_800,
    startupSamples: 1,
    presses: 4,
    engineStep: 180,
    engineRounds: 1,
  },
};

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const mode = args.smoke ? 'smoke' : 'full';
  const plan = { ...PLAN[mode], ...(args.idleSeconds !== null ? { idleSeconds: args.idleSeconds } : {}) };
  const judged = !args.smoke;
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const rows: Row[] = [];
  const failures: string[] = [];
  const scratch = new Scratch();
  const hosts: Host[] = [];
  const log = (line: string) => process.stderr.write(`bench: ${line} (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);

  const step = async (name: string, run: () => Promise<Row[]> | Row[]): Promise<void> => {
    log(`${name}…`);
    try {
      const result = await run();
      rows.push(...result);
      for (const r of result)
        log(`  ${r.name}: ${r.value.toFixed(2)} ${r.unit}${r.ratio !== undefined ? ` (${r.ratio.toFixed(2)}×)` : ''}`);
    } catch (error) {
      const message = `${name}: ${(error as Error).stack ?? String(error)}`;
      failures.push(message);
      log(`FAILED ${message}`);
    }
  };

  let chromium = 'unknown';
  try {
    const needsBrowser = (['startup', 'switch', 'idle', 'soak', 'oldmemory'] as const).some((b) => args.only.has(b));
    const needsBoard = needsBrowser || args.only.has('bundle');
    const boardDir = scratch.sub('renderer');
    if (needsBoard) {
      log('building the board (vite, production)');
      await buildBoard(boardDir);
    }
    if (needsBrowser) {
      const browser = await launch();
      chromium = `Chromium ${browser.version()}`;
      await browser.close();
    }

    const fosdemProgram = corpusProgram(FOSDEM_2025);
    const cccProgram = corpusProgram(CCC_38C3);

    if (args.only.has('engine'))
      await step('5. engine', () =>
        engine({ programs: [fosdemProgram, cccProgram], stepMinutes: plan.engineStep, rounds: plan.engineRounds }),
      );
    if (args.only.has('bundle'))
      await step('6. bundle', () =>
        bundle({
          boardDir,
          baselineOutDir: scratch.sub('baseline-app'),
          compositionOutDir: args.smoke ? null : scratch.sub('split'),
          judged,
        }),
      );

    if (needsBrowser) {
      const staticDir = scratch.sub('static');
      mkdirSync(staticDir);
      baselinePagesInto(staticDir);
      const seed = await boardHost(boardDir, SEED_PROGRAM);
      hosts.push(seed);
      const statics = await staticHost(staticDir);
      hosts.push(statics);
      // Loaded up front: parsing a big export blocks this process, which also serves every page under test.
      let fosdem: Host | null = null;
      if (args.only.has('switch') || args.only.has('soak')) {
        log(`loading ${fosdemProgram.label} into a hub`);
        fosdem = await boardHost(boardDir, fosdemProgram.path);
        hosts.push(fosdem);
      }

      if (args.only.has('startup'))
        await step('3. start-up', () =>
          startUp({
            boardBase: seed.base,
            staticBase: statics.base,
            staticDir,
            boardDir,
            query: 'at=2026-05-06T09:10',
            samples: plan.startupSamples,
            warmUp: !args.smoke,
            judged,
          }),
        );
      if (args.only.has('switch'))
        await step('4. room switch', () =>
          roomSwitch({
            base: fosdem!.base,
            programLabel: fosdemProgram.label,
            query: 'at=2025-02-01T11:00&room=all',
            presses: plan.presses,
            judged,
          }),
        );
      const idle = async () => {
        if (!args.only.has('idle')) return;
        await step('1. idle cost', () =>
          idleCost({
            boardBase: seed.base,
            staticBase: statics.base,
            windowSeconds: plan.idleSeconds,
            rounds: plan.idleRounds,
            settleMs: plan.settleMs,
            judged,
          }),
        );
      };
      const soak = async () => {
        if (!args.only.has('soak')) return;
        await step('2. days of running', () =>
          daysOfRunning({
            subjects: [
              { name: 'seed program', base: seed.base, query: 'at=2026-05-05T12:00' },
              { name: `${fosdemProgram.label}, all rooms`, base: fosdem!.base, query: 'at=2025-01-31T12:00&room=all' },
            ],
            speed: plan.soakSpeed,
            days: 4,
            settleMs: plan.settleMs,
            judged,
          }),
        );
      };
      const oldMemory = async () => {
        if (!args.only.has('oldmemory')) return;
        await step('7. small players', () =>
          oldEngineMemory({
            base: seed.base,
            query: 'at=2026-05-05T12:00',
            speed: plan.soakSpeed,
            days: 4,
            settleMs: plan.settleMs,
            judged,
          }),
        );
      };
      // One after the other, also in the smoke run: each browser's process tree is told apart by launching it alone.
      await idle();
      await soak();
      await oldMemory();
    }
  } catch (error) {
    failures.push(`setup: ${(error as Error).stack ?? String(error)}`);
  } finally {
    await Promise.all(hosts.map((h) => h.close().catch(() => {})));
    scratch.dispose();
  }

  rows.sort((a, b) => a.section.localeCompare(b.section));
  const report: Report = {
    mode,
    startedAt,
    seconds: (performance.now() - started) / 1000,
    machine: machine(chromium),
    rows,
    failures,
  };
  // Only a full run's figures are kept in the repository; a smoke run (npm test) must leave the tree clean.
  const folder = mode === 'full' ? join('tests', 'bench', 'results') : join('tests', 'artifacts', 'bench');
  const name = mode === 'full' && args.only.size === BENCHES.length ? 'latest' : mode === 'full' ? 'partial' : 'smoke';
  mkdirSync(join(ROOT, folder), { recursive: true });
  save(report, join(ROOT, folder, `${name}.json`), join(ROOT, folder, `${name}.md`));
  process.stdout.write(`\n${textTable(report)}\n\nwritten to ${folder}/${name}.{json,md} in ${report.seconds.toFixed(0)} s\n`);
  if (failures.length > 0) {
    process.stderr.write(`\n${failures.length} benchmark(s) failed to run:\n${failures.join('\n')}\n`);
    return 1;
  }
  const missed = rows.filter((r) => r.met === false);
  if (missed.length > 0) process.stdout.write(`targets missed: ${missed.map((r) => `${r.section} ${r.name}`).join('; ')}\n`);
  return args.strict && missed.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench: ${(error as Error).message}\n`);
    process.exit(1);
  },
);
