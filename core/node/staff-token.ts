/**
 * The staff token's file: read it, or create it with a new random token that
 * only its owner can read. The token itself is never logged or printed; only
 * where it is.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Shorter tokens are refused: a token is a password anyone on the venue network may try to guess. */
export const MIN_TOKEN_LENGTH = 16;

export function createToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Reads the token in `file`; throws with a sentence naming the file when it cannot be used. */
export function readToken(file: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`${file}: cannot read the staff token (${(error as NodeJS.ErrnoException).code ?? String(error)})`, {
      cause: error,
    });
  }
  const token = text.trim();
  if (token.length < MIN_TOKEN_LENGTH)
    throw new Error(`${file}: the staff token must be at least ${MIN_TOKEN_LENGTH} characters (the file has ${token.length})`);
  if (/\s/.test(token)) throw new Error(`${file}: the staff token must be one word, without spaces or line breaks`);
  return token;
}

/**
 * The token in `file`, creating the file (mode 0600) with a new token when
 * there is none. `log` hears where it is, and a warning when others can read it.
 */
export function readOrCreateToken(file: string, log: (line: string) => void): string {
  try {
    writeTokenFile(file, createToken());
    log(`created a staff token in ${file} (readable only by you); give it to staff, never to screens`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
      throw new Error(`${file}: cannot create the staff token (${String(error)})`, { cause: error });
  }
  const token = readToken(file);
  if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0)
    log(`${file}: other users can read the staff token; chmod 600 ${file}`);
  return token;
}

function writeTokenFile(file: string, token: string): void {
  mkdirSync(dirname(file), { recursive: true });
  // 'wx': never replace a token someone already handed out.
  writeFileSync(file, `${token}\n`, { mode: 0o600, flag: 'wx' });
}
