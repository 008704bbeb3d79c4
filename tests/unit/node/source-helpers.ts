/** Shared steps for the program source's tests: the seed renamed, and waiting for an update. */
import { readFileSync } from 'node:fs';
import type { ProgramUpdate } from '../../../core/host-contract.ts';
import type { ProgramSource } from '../../../core/node/program-source.ts';

export const seedText = readFileSync(new URL('../../../data/program.json', import.meta.url), 'utf8');
const seed = JSON.parse(seedText) as { event: { name: string } };

/** The seed program under another event name, as a file's text. */
export const renamed = (name: string): string => JSON.stringify({ ...seed, event: { ...seed.event, name } });

/** Resolves with the next update that satisfies `accept`; rejects, saying what the source last had, after `timeoutMs`. */
export function nextUpdate(
  source: ProgramSource,
  accept: (u: ProgramUpdate) => boolean,
  timeoutMs = 6000,
): Promise<ProgramUpdate> {
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`no matching update in time; last: ${JSON.stringify(source.current()?.status)}`));
    }, timeoutMs);
    const stop = source.subscribe((update) => {
      if (!accept(update)) return;
      clearTimeout(timer);
      stop();
      resolvePromise(update);
    });
  });
}
