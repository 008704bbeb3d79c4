/**
 * "On now everywhere": one row per room with what is on and what is next,
 * paged by the clock (like the spotlight) so neighbouring screens show the same page.
 */
import { useMemo } from 'react';
import { isTba, speakerNames, titleOf } from '../../../../core/engine/item-text.ts';
import { roomRows, type RoomRow } from '../../../../core/engine/rooms.ts';
import type { Snapshot } from '../../../../core/engine/snapshot.ts';
import { speakersOfTalk } from '../../../../core/engine/speakers.ts';
import type { Slot, Timeline } from '../../../../core/engine/timeline.ts';
import { useRotation } from '../../clock/use-rotation.ts';
import { StartTime, TimeRange } from '../../components/times.tsx';
import { useFitText } from '../../hooks/use-fit-text.ts';
import { useRoomPages } from './use-room-pages.ts';
import './rooms.css';

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
  const rows = useMemo(() => roomRows(timeline, snap.at, snap.day), [timeline, snap.at, snap.day]);
  const { bodyRef, measureRef, starts } = useRoomPages(rows);
  const pages = starts.length;
  const page = useRotation(pages, intervalMs);
  const shown = rows.slice(starts[page] ?? 0, starts[page + 1] ?? rows.length);
  const renderRow = (row: RoomRow) => (
    <div className="rooms-row" key={row.id} data-room={row.id}>
      <span className="rooms-name">{row.name}</span>
      {row.now ? <Cell slot={row.now} timeline={timeline} now /> : <span className="rooms-empty">—</span>}
      {row.next ? (
        <Cell slot={row.next} timeline={timeline} now={false} />
      ) : (
        <span className="rooms-empty">{row.now ? 'Nothing after this today' : 'Nothing more today'}</span>
      )}
    </div>
  );
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
        {shown.map(renderRow)}
      </div>
      <div className="rooms-body rooms-measure" ref={measureRef} aria-hidden="true">
        {rows.map(renderRow)}
      </div>
    </section>
  );
}
