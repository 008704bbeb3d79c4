/** A day's items as a compact list: past ones dimmed, the current one highlighted. */
import type { Slot, Timeline } from '../../../core/engine/timeline.ts';
import { isTba, speakerNames, titleOf } from '../../../core/engine/item-text.ts';
import { speakersOfTalk } from '../../../core/engine/speakers.ts';
import { useFitText } from '../hooks/use-fit-text.ts';
import { ChangeLabel } from './change-label.tsx';
import { StartTime } from './times.tsx';
import './day-list.css';

export function DayList({
  slots,
  timeline,
  at,
  heading,
  className,
}: {
  slots: readonly Slot[];
  timeline: Timeline;
  /** Instant that decides past / current (the snapshot's, so the list changes only with the snapshot). */
  at: number;
  heading: string;
  className?: string;
}) {
  const zone = timeline.zone;
  const ref = useFitText<HTMLOListElement>(`${slots.map((s) => s.order).join()}@${at}`, 0.75);
  return (
    <section className={`day-list ${className ?? ''}`} role="region" aria-label="Agenda">
      <h2 className="section-label">{heading}</h2>
      <ol className="day-list-items fit" ref={ref}>
        {slots.map((slot) => {
          const state = slot.end <= at ? 'past' : slot.start <= at ? 'current' : 'future';
          const speakers = speakersOfTalk(timeline, slot);
          return (
            <li
              key={slot.order}
              className={`day-row ${state} ${slot.isBreak ? 'is-break' : ''}`}
              aria-current={state === 'current' ? 'true' : undefined}
            >
              <span className="day-row-time">
                <StartTime slot={slot} zone={zone} />
              </span>
              <span className="day-row-what">
                <span className={`day-row-title ${isTba(slot) ? 'tba' : ''}`}>
                  <ChangeLabel slot={slot}>{titleOf(slot)}</ChangeLabel>
                </span>
                {speakers.length > 0 && <span className="day-row-who">{speakerNames(speakers)}</span>}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
