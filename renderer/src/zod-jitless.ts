/**
 * The board imports the program schema's constants (break kinds) and with them
 * zod, which probes `new Function` for its fast path; under the board's CSP that
 * probe is reported as a violation. The board never validates, so no JIT is needed.
 * Imported first in main.tsx, before any schema is built.
 */
import { config } from 'zod';

config({ jitless: true });
