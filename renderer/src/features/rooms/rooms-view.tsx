/**
 * "On now everywhere": one row per room with what is on and what is next,
 * paged by the clock (like the spotlight) so neighbouring screens show the same page.
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { snapshot, type Snapshot } from '../../../../core/engine/snapshot.ts';
import type { Slot, Timeline } from '../../../../core/engine/timeline.ts';
import { useRotation } from '../../hooks/use-rotation.ts';
import { speakerNames, titleOf, isTba } from '../common/item-text.tsx';
import { StartTime, TimeRange } from '../common/times.tsx';
import { useFitText } from '../../hooks/use-fit-text.ts';
import { speakersOfTalk } from '../../../../core/engine/speakers.ts';

interface RoomRow {
  id: string;
  name: string;
  now: Slot | undefined;
  next: Slot | undefined;
}

function Cell({ slot, timeline, now }: { slot: Slot; timeline: Timeline; now: boolean }) {
  const speakers = speakersOfTalk(timeline, slot);
  const ref = useFitText<HTMLDivElement>(slot, 0.6);
  return (
    <div className="rooms-cell fit" ref={ref}>
      <span className="rooms-time">
        {now ? <TimeRange slot={slot} zone={timeline.zone} /> : <StartTime slot={slot} zone={timeline.zone} />}
      </span>
      <span className={`rooms-title ${isTba(slot) ? 'tba' : ''}`}>{titleOf(slot)}</span>
      {speakers.length > 0 && <span className="rooms-who">{speakerNames(speakers)}</span>}
    </div>
  );
}

export function RoomsView({ snap, timeline, intervalMs }: { snap: Snapshot; timeline: Timeline; intervalMs: number }) {
  const rows = useMemo<RoomRow[]>(
    () =>
      timeline.rooms.map((room) => {
        const s = snapshot(timeline, snap.at, room.id);
        // Items for everyone (lunch) show in every room; "next" is only today's.
        const now = s.now.find((x) => x.item.room === room.id) ?? s.now[0];
        const next = s.next.find((x) => x.day === snap.day);
        return { id: room.id, name: room.name, now, next };
      }),
    [timeline, snap.at, snap.day],
  );
  const bodyRef = useRef<HTMLDivElement>(null);
  const [perPage, setPerPage] = useState(6);
  useLayoutEffect(() => {
    const measure = (): void => {
      const body = bodyRef.current;
      const row = body?.querySelector<HTMLElement>('.rooms-row');
      if (!body || !row) return;
      const gap = parseFloat(getComputedStyle(body).rowGap) || 0;
      setPerPage(Math.max(1, Math.floor((body.clientHeight + gap) / (row.offsetHeight + gap))));
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, []);
  const pages = Math.max(1, Math.ceil(rows.length / perPage));
  const page = useRotation(pages, intervalMs);
  const shown = rows.slice(page * perPage, page * perPage + perPage);
  return (
    <section className="rooms-view" role="region" aria-label="On now in every room">
      <div className="rooms-head">
        <span>Room</span>
        <span>Now</span>
        <span>Next</span>
        {pages > 1 && (
          <span className="rooms-page">
            Page {page + 1} of {pages}
          </span>
        )}
      </div>
      <div className="rooms-body" ref={bodyRef}>
        {shown.map((row) => (
          <div className="rooms-row" key={row.id} data-room={row.id}>
            <span className="rooms-name">{row.name}</span>
            {row.now ? <Cell slot={row.now} timeline={timeline} now /> : <span className="rooms-empty">—</span>}
            {row.next ? (
              <Cell slot={row.next} timeline={timeline} now={false} />
            ) : (
              <span className="rooms-empty">{row.now ? 'Nothing after this today' : 'Nothing more today'}</span>
            )}
          </div>
        ))}
      </div>
    </section>
  );
}
