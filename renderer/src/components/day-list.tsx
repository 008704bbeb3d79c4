/**
 * A day's items as rows: past ones plain, the current one highlighted. Rows
 * keep their size and yield whole when a screen runs out of room ("+ 3 more"),
 * in the order core/engine/yield-order.ts gives: the later rows of a hallway
 * board from the last, the desk's past items first.
 */
import { t } from '../../../core/i18n/index.ts';
import type { ReactNode } from 'react';
import { isTba, speakerNames, titleOf } from '../../../core/engine/item-text.ts';
import { speakersOfTalk } from '../../../core/engine/speakers.ts';
import type { Slot, Timeline } from '../../../core/engine/timeline.ts';
import { laterRowRanks } from '../../../core/engine/yield-order.ts';
import { ChangeLabel } from './change-label.tsx';
import { StartTime } from './times.tsx';
import { WhereName } from './where.tsx';
import './day-list.css';

export function DayRows({
  slots,
  timeline,
  at,
  ranks,
  list,
}: {
  slots: readonly Slot[];
  timeline: Timeline;
  /** Instant that decides past / current (the snapshot's, so the list changes only with the snapshot). */
  at: number;
  ranks: readonly (number | undefined)[];
  /** Which "+ N more" line counts these rows, when a panel has two. */
  list?: (slot: Slot) => string;
}) {
  const zone = timeline.zone;
  return slots.map((slot, i) => {
    const state = slot.end <= at ? 'past' : slot.start <= at ? 'current' : 'future';
    const speakers = speakersOfTalk(timeline, slot);
    return (
      <div
        key={slot.order}
        className={`day-row ${state} ${slot.isBreak ? 'is-break' : ''}`}
        aria-current={state === 'current' ? 'true' : undefined}
        data-fit-fixed=""
        data-yield={ranks[i]}
        data-list={list?.(slot)}
      >
        <span className="day-row-time" data-text="secondary">
          <StartTime slot={slot} zone={zone} />
        </span>
        <span className="day-row-what">
          <span className={`day-row-title ${isTba(slot) ? 'tba' : ''}`} data-text="secondary">
            <ChangeLabel slot={slot}>{titleOf(slot)}</ChangeLabel>
          </span>
          <WhereName slot={slot} className="day-row-where" />
          {speakers.length > 0 && (
            <span className="day-row-who" data-text="secondary">
              {speakerNames(speakers)}
            </span>
          )}
        </span>
      </div>
    );
  });
}

/**
 * The "+ 3 more" line of a shortened list (its number is written by the fit). `leftOut` is what it says where no
 * fit runs and the no-script stylesheet leaves rows out by rule (the desk's past items): an attribute, never text,
 * so the fit's own writing is all the script's board shows.
 */
export function MoreLine({ wording, list, leftOut }: { wording?: string; list?: string; leftOut?: string }) {
  return (
    <p
      className="more-line"
      data-text="secondary"
      data-fit-fixed=""
      data-more={wording ?? t('list.more')}
      data-list={list}
      data-left-out={leftOut}
    />
  );
}

/** "Later today" on a hallway board: a panel of its own that goes when none of its rows fits. */
export function LaterList({
  slots,
  timeline,
  at,
  heading,
  className,
  keep,
  children,
}: {
  slots: readonly Slot[];
  timeline: Timeline;
  at: number;
  heading: string;
  className?: string;
  /** Rows after these yield before anything else (laterRowRanks). */
  keep?: number;
  children?: ReactNode;
}) {
  return (
    <section
      className={`panel day-list ${className ?? ''}`}
      role="region"
      aria-label="Agenda"
      data-fit-group=""
      data-fit-optional=""
    >
      <h2 className="section-label" data-text="secondary">
        {heading}
      </h2>
      <DayRows slots={slots} timeline={timeline} at={at} ranks={laterRowRanks(slots.length, keep)} />
      <MoreLine />
      {children}
    </section>
  );
}
