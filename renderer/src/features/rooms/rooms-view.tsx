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
  const measureRef = useRef<HTMLDivElement>(null);
  // Where each page starts. Rows grow with long titles (never clipped), so the
  // pages are cut from every row's measured height, not from a fixed row count;
  // screens of the same size cut them the same way, and the clock picks the page.
  const [starts, setStarts] = useState<number[]>([0]);
  useLayoutEffect(() => {
    const measure = (): void => {
      const body = bodyRef.current;
      const layer = measureRef.current;
      if (!body || !layer) return;
      const gap = parseFloat(getComputedStyle(body).rowGap) || 0;
      const next = pageStarts(
        [...layer.children].map((row) => (row as HTMLElement).offsetHeight),
        body.clientHeight,
        gap,
      );
      setStarts((previous) => (previous.join() === next.join() ? previous : next));
    };
    measure();
    // Rows change height without a re-render when the web font arrives, and the
    // body when the window does: cut the pages again whenever either resizes.
    const observer = new ResizeObserver(measure);
    if (measureRef.current) observer.observe(measureRef.current);
    if (bodyRef.current) observer.observe(bodyRef.current);
    return () => observer.disconnect();
  }, [rows]);
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

/** Greedy page breaks: as many whole rows as fit the height, then a new page. */
function pageStarts(heights: readonly number[], limit: number, gap: number): number[] {
  const starts = [0];
  let used = 0;
  heights.forEach((height, index) => {
    const needed = used === 0 ? height : used + gap + height;
    if (needed > limit && used > 0) {
      starts.push(index);
      used = height;
    } else used = needed;
  });
  return starts;
}
