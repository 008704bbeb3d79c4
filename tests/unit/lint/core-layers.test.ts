/**
 * Core's layers are a lint rule (.config/eslint-layers.js): a part imports only
 * parts below it, never a sibling, so an upward import and any cycle between
 * parts fail `npm run lint`; inside a part, a cycle between files fails too.
 * Checked with ESLint and the project's own config, on sources placed where
 * core's files live (the rest of the tree read from disk as it is).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: join(ROOT, '.config', 'eslint.config.js') });

async function layerProblems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  return result!.messages.filter((m) => m.ruleId === 'foyer/layers').map((m) => m.message);
}

const uses = (spec: string) => `import * as m from '${spec}';\nexport const used: unknown = m;\n`;

describe("core's layers", { timeout: 30_000 }, () => {
  it('lets a part import its own files and the parts below it', async () => {
    expect(await layerProblems('core/screen/probe.ts', uses('../engine/timeline.ts'))).toEqual([]);
    expect(await layerProblems('core/hub/server/probe.ts', uses('../rules/state.ts'))).toEqual([]);
    expect(await layerProblems('core/cli/probe.ts', uses('../hub/server/server.ts'))).toEqual([]);
    expect(await layerProblems('core/engine/probe.ts', uses('../time.ts'))).toEqual([]);
  });

  it('fails an upward import, naming both parts and the order', async () => {
    // Two of the upward imports the layers replaced: the program source used the CLI's printer, the
    // engine a screen type.
    expect(await layerProblems('core/node/probe.ts', uses('../cli/output.ts'))).toEqual([
      expect.stringMatching(
        /^core\/node may not import core\/cli \(a higher layer\): core's layers run core\/\*\.ts < .* < core\/cli\./,
      ),
    ]);
    expect(
      await layerProblems(
        'core/engine/probe.ts',
        "import type { ScreenState } from '../screen/state.ts';\nexport type S = ScreenState;\n",
      ),
    ).toEqual([expect.stringMatching(/^core\/engine may not import core\/screen \(a higher layer\)/)]);
    expect(await layerProblems('core/time.ts', uses('./host-contract.ts'))).toEqual([
      expect.stringMatching(/^core\/\*\.ts may not import core\/host-contract\.ts/),
    ]);
  });

  it('fails an import between siblings on one layer, so two parts cannot lean on each other', async () => {
    expect(await layerProblems('core/engine/probe.ts', uses('../import/index.ts'))).toEqual([
      expect.stringMatching(/^core\/engine may not import core\/import \(a sibling on its own layer\)/),
    ]);
  });

  it('fails a cycle between parts: one of its imports runs upward', async () => {
    // core/hub/rules/state.ts imports core/hub/api.ts; the API importing the rules back closes the circle.
    expect(await layerProblems('core/hub/api.ts', uses('./rules/state.ts'))).toEqual([
      expect.stringMatching(/^core\/hub\/api\.ts may not import core\/hub\/rules \(a higher layer\)/),
    ]);
  });

  it('fails a cycle between files of one part, naming the circle', async () => {
    // core/engine/board.ts imports the timeline; the timeline importing the board closes it.
    expect(await layerProblems('core/engine/timeline.ts', uses('./board.ts'))).toEqual([
      'Import cycle in core/engine: core/engine/timeline.ts → core/engine/board.ts → core/engine/timeline.ts; move what they share into a file both import.',
    ]);
  });

  it('asks for a place in the order for a new part of core', async () => {
    expect(await layerProblems('core/gadgets/probe.ts', uses('../time.ts'))).toEqual([
      'core/gadgets (not in the layer order): add it to LAYERS in .config/eslint-layers.js.',
    ]);
  });
});
