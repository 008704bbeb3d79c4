/**
 * The addresses a phone on the venue network can open the hub at: a hub
 * listening on every interface (0.0.0.0) is printed once per non-loopback
 * IPv4 address of the machine, never as 0.0.0.0, which no phone can open.
 */
import type { NetworkInterfaceInfo } from 'node:os';

type Interfaces = NodeJS.Dict<NetworkInterfaceInfo[]>;

/** The hub's URLs for others to open, for a hub listening on `listenOn`:`port`; loopback first when that is all there is. */
export function reachableUrls(listenOn: string, port: number, interfaces: Interfaces): string[] {
  const url = (address: string): string => `http://${address.includes(':') ? `[${address}]` : address}:${port}/`;
  if (listenOn !== '0.0.0.0' && listenOn !== '::') return [url(listenOn)];
  const found = new Set<string>();
  for (const entries of Object.values(interfaces))
    for (const entry of entries ?? []) if (entry.family === 'IPv4' && !entry.internal) found.add(entry.address);
  return found.size > 0 ? [...found].map(url) : [url('127.0.0.1')];
}

/**
 * The address screens and staff open when a reverse proxy serves the hub (`--public-url`), with one trailing
 * slash, and its host name (which the hub then accepts in Host headers); or what is wrong with it. Only the root
 * of a server: the board asks for /api/… from the root, so a hub under a path prefix would not work.
 */
export function publicAddress(text: string): { url: string; hostName: string } | { error: string } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { error: `--public-url must be an address such as https://foyer.example.org/, not "${text}"` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { error: `--public-url must start with https:// (or http://), not "${url.protocol}"` };
  if (url.username || url.password) return { error: '--public-url must not carry a user name or password' };
  if (url.pathname !== '/' || url.search || url.hash)
    return { error: `--public-url must be the root of its server (the board asks for /api/… there), not "${text}"` };
  return { url: url.href, hostName: url.hostname.replace(/^\[|\]$/g, '') };
}
