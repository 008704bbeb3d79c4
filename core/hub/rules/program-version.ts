/**
 * A short name for a program's content, so that the fleet page can tell a
 * screen showing an older program from one that is current: the hub and every
 * screen compute it alike from the program they hold (FNV-1a over its JSON).
 * Not a security measure; a collision only hides an "outdated" flag.
 */
import type { Program } from '../../program/schema.ts';

const cache = new WeakMap<Program, string>();

export function programVersion(program: Program): string {
  const known = cache.get(program);
  if (known !== undefined) return known;
  const text = JSON.stringify(program);
  // Two 32-bit FNV-1a lanes with different seeds: 64 bits without BigInt.
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  const version = (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
  cache.set(program, version);
  return version;
}
