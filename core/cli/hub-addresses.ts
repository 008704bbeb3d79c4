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
