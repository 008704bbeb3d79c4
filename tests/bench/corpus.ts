/** The real conference exports the benchmarks run on (copies in tests/fixtures/corpus, or FOYER_CORPUS). */
import { join } from 'node:path';
import { CORPUS } from './hosts.ts';

export interface Shape {
  file: string;
  timezone: string;
}

export const FOSDEM_2025: Shape = { file: 'fosdem-2025.xml', timezone: 'Europe/Brussels' };
export const CCC_38C3: Shape = { file: '38c3-hub.xml', timezone: 'Europe/Berlin' };

/** The export's path; `label` names it in the report. */
export function corpusProgram(shape: Shape): { path: string; label: string } {
  return { path: join(CORPUS, shape.file), label: shape.file.replace(/\.\w+$/, '') };
}
