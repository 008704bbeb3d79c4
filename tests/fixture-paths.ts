/** Where the tests' copies of real material live (tests/fixtures/README.md says where each came from). */
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
/** Real conference exports, unchanged. */
export const CORPUS = `${FIXTURES}corpus/`;
/** The organisers' seed program text. */
export const SEED_TEXT = `${FIXTURES}seed/program.txt`;
