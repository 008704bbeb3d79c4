/** Regenerates data/program.schema.json from the zod schema (npm run schema). */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { programJsonSchema } from '../program/json-schema.ts';
import { say } from './output.ts';

const target = fileURLToPath(new URL('../../data/program.schema.json', import.meta.url));
writeFileSync(target, JSON.stringify(programJsonSchema(), null, 2) + '\n');
say(`wrote ${target}`);
