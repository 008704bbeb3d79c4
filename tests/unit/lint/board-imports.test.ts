/**
 * The board's import rules (.config/eslint.config.js), run through ESLint on
 * small sources placed where board files live: a feature imports no other
 * feature, shared code imports no feature, and only types come from the
 * program schema (its values would bring zod into the board bundle).
 */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({
  cwd: fileURLToPath(new URL('../../..', import.meta.url)),
  overrideConfigFile: '.config/eslint.config.js',
});

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('board import rules', () => {
  it('a feature may use shared components, the clock and core', async () => {
    const code = [
      "import { DayList } from '../../components/day-list.tsx';",
      "import { useNow } from '../../clock/clock-context.tsx';",
      "import type { Program } from '../../../../core/program/schema.ts';",
      "import { upNext } from '../../../../core/engine/board.ts';",
      "import { NextPanel } from './next-panel.tsx';",
      'export const used: unknown[] = [DayList, useNow, upNext, NextPanel];',
      'export type P = Program;',
      '',
    ].join('\n');
    expect(await problems('renderer/src/features/board/probe.ts', code)).toEqual([]);
  });

  it('a feature may not import another feature', async () => {
    const code = "import { AgendaView } from '../agenda/agenda-view.tsx';\nexport const used = AgendaView;\n";
    expect(await problems('renderer/src/features/board/probe.ts', code)).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*move what they share to renderer\/src\/components/),
    ]);
  });

  it('shared components may not import a feature', async () => {
    const code = "import { BoardView } from '../features/board/board-view.tsx';\nexport const used = BoardView;\n";
    expect(await problems('renderer/src/components/probe.ts', code)).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*Shared board code imports no feature/),
    ]);
  });

  it('the board and the core it bundles may not import zod or the schema’s values', async () => {
    const value = "import { Program } from '../../core/program/schema.ts';\nexport const used = Program;\n";
    expect(await problems('renderer/src/probe.ts', value)).toEqual([
      expect.stringMatching(/^@typescript-eslint\/no-restricted-imports: .*only `import type`/),
    ]);
    const zod = "import { z } from 'zod';\nexport const used = z;\n";
    expect(await problems('core/engine/probe.ts', zod)).toEqual([
      expect.stringMatching(/^@typescript-eslint\/no-restricted-imports: .*zod stays out/),
    ]);
  });
});
