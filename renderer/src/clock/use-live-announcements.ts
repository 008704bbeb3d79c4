/**
 * The announcements written on the day that this screen shows at its time
 * (core/screen/announcements.ts decides which): the same value while the
 * reading stays before the next start or end among them, a new one as soon as
 * it leaves that span; one timer wakes the clock exactly at that instant, as
 * useSnapshot does for the program (no polling).
 */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import {
  announcementsFor,
  nextAnnouncementChange,
  type LiveAnnouncement,
  type ScreenPlace,
} from '../../../core/screen/announcements.ts';
import { useClock } from './clock-context.tsx';

export interface ShownAnnouncements {
  at: number;
  changesAt: number | null;
  high: LiveAnnouncement[];
  normal: LiveAnnouncement[];
}

export function announcementReader(
  read: () => number,
  list: readonly LiveAnnouncement[],
  place: ScreenPlace,
): () => ShownAnnouncements {
  let last: ShownAnnouncements | null = null;
  return () => {
    const reading = read();
    if (last !== null && last.at <= reading && (last.changesAt === null || reading < last.changesAt)) return last;
    last = { at: reading, changesAt: nextAnnouncementChange(list, place, reading), ...announcementsFor(list, place, reading) };
    return last;
  };
}

export function useLiveAnnouncements(list: readonly LiveAnnouncement[], place: ScreenPlace): ShownAnnouncements {
  const { service, offset } = useClock();
  const read = useMemo(() => announcementReader(() => service.read(offset), list, place), [service, offset, list, place]);
  const shown = useSyncExternalStore(service.subscribe, read, read);
  const changesAt = shown.changesAt;
  useEffect(() => (changesAt === null ? undefined : service.at(changesAt, offset, service.notify)), [service, offset, changesAt]);
  return shown;
}
