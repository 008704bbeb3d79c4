import { z } from 'zod';
import { Program } from './schema.ts';

/** The JSON Schema editors use for validation and completion of program files. */
export function programJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(Program, { target: 'draft-2020-12', io: 'input' }),
    $id: 'https://foyer.invalid/program.schema.json',
    title: 'Foyer program',
    description: 'A conference program for Foyer signage. Times are local wall times in event.timezone.',
  };
}
