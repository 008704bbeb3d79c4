/**
 * "On now everywhere" at congress scale: one row per room with something on now
 * or later today (the quiet rooms left out and counted), paged by whole rows on
 * the clock, like the spotlight, so neighbouring screens show the same page.
 * With many rooms the rows get denser (room, now and next on one line) before
 * there are more pages to wait through.
 */
import { t } from '../../../../core/i18n/index.ts';
import { Fragment, memo, useMemo, type CSSProperties } from 'react';
import { allRoomsRows, type RoomRow } from '../../../../core/engine/all-rooms-rows.ts';
import { isTba, speakerNames, titleOf } from '../../../../core/engine/item-text.ts';
import { roomNameParts } from '../../../../core/engine/room-name-breaks.ts';
import { roomStatusOf, type RoomStatus, type RoomStatusEntry } from '../../../../core/engine/room-status.ts';
import type { Snapshot } from '../../../../core/engine/snapshot.ts';
import { speakersOfTalk } from '../../../../core/engine/speakers.ts';
import type { Slot, Timeline } from '../../../../core/engine/timeline.ts';
import type { Room } from '../../../../core/program/schema.ts';
import { useRotation } from '../../clock/use-rotation.ts';
import { ChangeLabel } from '../../components/change-label.tsx';
import { StartTime, TimeRange } from '../../components/times.tsx';
import type { RowWords } from './room-words.ts';
import { useRoomPages } from './use-room-pages.ts';
import './rooms.css';

export function RoomsView({
  snap,
  timeline,
  rooms,
  intervalMs,
  statuses,
}: {
  snap: Snapshot;
  timeline: Timeline;
  /** The rooms the screen shows (its group, its list, or every room), in order. */
  rooms: readonly Room[];
  intervalMs: number;
  /** Rooms staff marked full or closed (F). */
  statuses: readonly RoomStatusEntry[];
}) {
  const view = useMemo(() => allRoomsRows(timeline, snap.at, rooms), [timeline, snap.at, rooms]);
  const { bodyRef, measureRef, pages } = useRoomPages(view.rows);
  const count = pages.starts.length;
  const page = useRotation(count, intervalMs);
  const shown = view.rows.slice(pages.starts[page] ?? 0, pages.starts[page + 1] ?? view.rows.length);
  // The shown rows carry the sizes their words need; the hidden layer sets its own while it measures (room-words.ts).
  const line = (row: RoomRow, words?: RowWords) => (
    <RoomLine
      key={row.room.id}
      row={row}
      timeline={timeline}
      status={roomStatusOf(statuses, row.room.id, snap.day)}
      words={words}
    />
  );
  return (
    <section className="rooms-view" role="region" aria-label="On now in every room">
      <div className="rooms-head">
        <span className="rooms-head-room">{t('rooms.room')}</span>
        <span className="rooms-head-now">{t('board.now')}</span>
        <span className="rooms-head-next">
          <span className="rooms-head-label">{t('board.next')}</span>
          <span className="rooms-status">
            {view.quietLabel && <span className="rooms-quiet">{view.quietLabel}</span>}
            {count > 1 && <span className="rooms-page">{t('page.of', { n: page + 1, count })}</span>}
          </span>
        </span>
      </div>
      <div
        className="rooms-body"
        ref={bodyRef}
        data-density={pages.density}
        style={(pages.grow ?? 1) > 1 ? ({ '--rooms-grow': pages.grow } as CSSProperties) : undefined}
      >
        {shown.map((row) => line(row, pages.words[row.room.id]))}
        {view.rows.length === 0 && <p className="rooms-none">{t('rooms.none')}</p>}
      </div>
      <div className="rooms-body rooms-measure" ref={measureRef} aria-hidden="true">
        {view.rows.map((row) => line(row))}
      </div>
    </section>
  );
}

// Memoised: a page turn re-renders the view, but no row (the hidden measuring layer holds every room).
const RoomLine = memo(function RoomLine({
  row,
  timeline,
  status,
  words,
}: {
  row: RoomRow;
  timeline: Timeline;
  status: RoomStatus;
  /** Cells set smaller so their widest word stands whole. */
  words?: RowWords;
}) {
  const { room, now, next, changedBeforeNext } = row;
  const running = now.some((s) => s.takesPlace);
  const sized = (size: number | undefined): CSSProperties | undefined => (size ? { fontSize: `${size}px` } : undefined);
  return (
    <div className="rooms-row" data-room={room.id}>
      <div className="rooms-room" style={sized(words?.room)}>
        {/* Isolated: a room's name reads in its own direction (its full stop at its end on an Arabic screen). */}
        <bdi className="rooms-name">
          <RoomName name={room.name} />
        </bdi>
        {status !== 'open' && (
          <span className={`rooms-marked rooms-${status}`}>{status === 'full' ? t('rooms.full') : t('rooms.closed')}</span>
        )}
      </div>
      <div className="rooms-cell rooms-now" style={sized(words?.now)}>
        {now.map((slot) => (
          <SlotLine key={slot.order} slot={slot} timeline={timeline} range />
        ))}
        {now.length === 0 && <span className="rooms-empty">—</span>}
      </div>
      <div className="rooms-cell rooms-next" style={sized(words?.next)}>
        {changedBeforeNext.map((slot) => (
          <SlotLine key={slot.order} slot={slot} timeline={timeline} />
        ))}
        {next ? (
          <SlotLine slot={next} timeline={timeline} />
        ) : (
          <span className="rooms-empty">{running ? t('rooms.nothingAfter') : t('rooms.nothingMore')}</span>
        )}
      </div>
    </div>
  );
});

/** One item: its time, then its title and speakers; concurrent items stack, one per line. */
function SlotLine({ slot, timeline, range = false }: { slot: Slot; timeline: Timeline; range?: boolean }) {
  const speakers = speakersOfTalk(timeline, slot);
  const zone = timeline.zone;
  return (
    <div className="rooms-slot">
      <span className="rooms-time">{range ? <TimeRange slot={slot} zone={zone} /> : <StartTime slot={slot} zone={zone} />}</span>
      {/* Where the time runs in the text (portrait), the line may break after it. */}{' '}
      <span className="rooms-what">
        <span className={`rooms-title ${isTba(slot) ? 'tba' : ''}`}>
          <ChangeLabel slot={slot}>{titleOf(slot)}</ChangeLabel>
        </span>
        {speakers.length > 0 && (
          <>
            {' '}
            <span className="rooms-who">{speakerNames(speakers)}</span>
          </>
        )}
      </span>
    </div>
  );
}

/** "Assembly:Foodhackingbase2" may break after the colon, never inside a word unless one word is wider than the column. */
function RoomName({ name }: { name: string }) {
  return roomNameParts(name).map((part, i) => (
    <Fragment key={i}>
      {i > 0 && <wbr />}
      {part}
    </Fragment>
  ));
}
