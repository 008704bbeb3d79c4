/**
 * Where the kiosk's program comes from (the embedded file, a watched file, a
 * polled URL cached for offline boots, or the venue's hub with `--hub`), and
 * what that allows the board to load: the program URL itself and the https
 * images the program names.
 */
import { dirname, join, resolve } from 'node:path';
import type { ProgramUpdate, Unsubscribe } from '../core/host-contract.ts';
import type { ScreenRef } from '../core/hub/api.ts';
import { HubClient } from '../core/hub-client/node-transport.ts';
import { ProgramSource } from '../core/node/program-source.ts';
import { publicName } from '../core/node/public-name.ts';
import { namedProgramFiles } from '../core/node/static-files.ts';
import { isHttpUrl } from '../core/url.ts';
import type { Log } from './log.ts';
import type { KioskOptions } from './options.ts';
import { programImageUrls, type RequestPolicy } from './request-policy.ts';

export interface ProgramFeedPlaces {
  /** The program shipped with the app. */
  embedded: string;
  /** The last good program from a URL, for a boot without network. */
  cacheFile: string;
  /** Where the hub's last program and live state are kept, for a boot without the hub. */
  cacheDir: string;
  devtools: boolean;
  /** With a hub: the staff token (null: shared keys are refused) and who this screen is. */
  token: string | null;
  screen: () => ScreenRef;
}

export class ProgramFeed {
  readonly location: string;
  /** The folder of a program file, for the images it names by relative path; null for a URL or a hub. */
  readonly programDir: string | null;
  /** The files the program on screen names by relative path: the only ones app:// serves from programDir. */
  namedFiles: ReadonlySet<string> = new Set();
  /** What the board may load; the request filter reads it on every request. */
  readonly policy: RequestPolicy;
  /** The venue's hub, when the kiosk has one (live state, commands, fleet messages, heartbeats). */
  readonly hub: HubClient | null;
  private readonly source: ProgramSource | HubClient;
  private readonly log: Log;

  constructor(options: KioskOptions, places: ProgramFeedPlaces, log: Log) {
    this.log = log;
    this.location = options.hub ?? options.program ?? places.embedded;
    this.programDir = isHttpUrl(this.location) ? null : dirname(resolve(this.location));
    this.policy = {
      programUrl: options.hub === null && isHttpUrl(this.location) ? this.location : null,
      imageUrls: new Set(),
      devtools: places.devtools,
    };
    if (options.hub !== null && options.program !== null)
      log(`--program ${publicName(options.program)} is ignored: with --hub the program comes from the hub`);
    this.hub =
      options.hub === null
        ? null
        : new HubClient({ url: options.hub, token: places.token, screen: places.screen, cacheDir: places.cacheDir, log });
    this.source =
      this.hub ??
      new ProgramSource({
        location: this.location,
        ...(options.program === null ? { displayName: 'embedded program' } : {}),
        ...(options.timezone !== null ? { timezone: options.timezone } : {}),
        ...(options.pollSeconds !== null ? { pollIntervalMs: options.pollSeconds * 1000 } : {}),
        ...(options.maxBytes !== null ? { maxBytes: options.maxBytes } : {}),
        cacheFile: places.cacheFile,
        log,
      });
    this.source.subscribe((update) => {
      this.policy.imageUrls = programImageUrls(update.program);
      this.namedFiles = namedProgramFiles(update.program);
    });
  }

  current(): ProgramUpdate | null {
    return this.source.current();
  }

  subscribe(listener: (update: ProgramUpdate) => void): Unsubscribe {
    return this.source.subscribe(listener);
  }

  start(): void {
    if (this.source instanceof HubClient) {
      this.source.start();
      return;
    }
    const source = this.source;
    source.start().then(
      (update) => {
        if (update === null)
          this.log(
            `no program yet from ${publicName(this.location)}; the board waits for it (${source.lastProblem() ?? 'no reason given'})`,
          );
      },
      (error: unknown) =>
        this.log(`the program source failed to start: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  stop(): void {
    this.source.stop();
  }
}

/** The kiosk's feed: its caches in the app's user-data folder, the hub (if any) told who this screen is. */
export function kioskFeed(
  options: KioskOptions,
  at: { userData: string; embedded: string; devtools: boolean },
  hub: Pick<ProgramFeedPlaces, 'token' | 'screen'>,
  log: Log,
): ProgramFeed {
  const places = { embedded: at.embedded, cacheFile: join(at.userData, 'program-cache.json'), cacheDir: at.userData };
  return new ProgramFeed(options, { ...places, devtools: at.devtools, ...hub }, log);
}
