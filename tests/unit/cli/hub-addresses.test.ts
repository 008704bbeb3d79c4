/**
 * What the hub prints for phones: each non-loopback IPv4 address of the
 * machine when it listens everywhere, never 0.0.0.0.
 */
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { publicAddress, reachableUrls } from '../../../core/cli/hub-addresses.ts';

const v4 = (address: string, internal = false): NetworkInterfaceInfo => ({
  address,
  netmask: '255.255.255.0',
  family: 'IPv4',
  mac: '00:00:00:00:00:00',
  internal,
  cidr: `${address}/24`,
});
const v6: NetworkInterfaceInfo = {
  address: 'fe80::1',
  netmask: 'ffff:ffff:ffff:ffff::',
  family: 'IPv6',
  mac: '00:00:00:00:00:00',
  internal: false,
  cidr: 'fe80::1/64',
  scopeid: 2,
};

describe('the addresses a phone can reach', () => {
  it('listening everywhere: each non-loopback IPv4 address, never 0.0.0.0', () => {
    const urls = reachableUrls('0.0.0.0', 4173, {
      lo: [v4('127.0.0.1', true)],
      wlan0: [v4('192.168.1.20'), v6],
      eth0: [v4('10.0.0.5')],
    });
    expect(urls).toEqual(['http://192.168.1.20:4173/', 'http://10.0.0.5:4173/']);
  });

  it('listening on one address: that address', () => {
    expect(reachableUrls('192.168.1.20', 8080, { wlan0: [v4('192.168.1.20'), v4('10.0.0.5')] })).toEqual([
      'http://192.168.1.20:8080/',
    ]);
  });

  it('a machine with no network but loopback: loopback, not 0.0.0.0', () => {
    expect(reachableUrls('0.0.0.0', 4173, { lo: [v4('127.0.0.1', true)] })).toEqual(['http://127.0.0.1:4173/']);
  });

  it("this machine's own interfaces never give 0.0.0.0", () => {
    const urls = reachableUrls('0.0.0.0', 4173, networkInterfaces());
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url).not.toContain('0.0.0.0');
  });
});

describe('the address behind a reverse proxy (--public-url)', () => {
  it('the root of an http(s) server, with its host name for the Host check', () => {
    expect(publicAddress('https://foyer.example.org')).toEqual({
      url: 'https://foyer.example.org/',
      hostName: 'foyer.example.org',
    });
    expect(publicAddress('https://Foyer.Example.org:8443/')).toEqual({
      url: 'https://foyer.example.org:8443/',
      hostName: 'foyer.example.org',
    });
    expect(publicAddress('https://[2001:db8::1]/')).toEqual({ url: 'https://[2001:db8::1]/', hostName: '2001:db8::1' });
  });

  it('refuses what a phone could not open the board at, saying what is wrong', () => {
    expect(publicAddress('foyer.example.org')).toEqual({ error: expect.stringContaining('such as https://foyer.example.org/') });
    expect(publicAddress('ftp://foyer.example.org/')).toEqual({ error: expect.stringContaining('"ftp:"') });
    expect(publicAddress('https://staff:secret@foyer.example.org/')).toEqual({ error: expect.stringContaining('password') });
    // The board asks for /api/… at the root of its server: a path prefix would break every board.
    expect(publicAddress('https://example.org/foyer/')).toEqual({ error: expect.stringContaining('root of its server') });
    expect(publicAddress('https://foyer.example.org/?room=main')).toEqual({ error: expect.stringContaining('root') });
  });
});
