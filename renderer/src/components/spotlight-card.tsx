/**
 * One speaker in the spotlight: who, from where, what about (these never
 * yield), and their biography and the start of the abstract, paged by whole
 * lines (renderer/src/fit/pager.ts) and yielding whole when even three lines
 * do not fit. The speaker changes in place, without an animation (see pager.ts).
 */
import type { SpotlightEntry } from '../../../core/engine/snapshot.ts';
import { dayLabel } from '../../../core/engine/format.ts';
import { abstractOf, abstractStart, isTba, titleOf } from '../../../core/engine/item-text.ts';
import { YIELD_RANK } from '../../../core/engine/yield-order.ts';
import { ChangeLabel } from './change-label.tsx';
import { StartTime } from './times.tsx';
import { WhereName } from './where.tsx';

export function SpotlightCard({
  entry,
  zone,
  today,
  abstractLimit,
  intervalMs,
}: {
  entry: SpotlightEntry;
  zone: string;
  today: string;
  abstractLimit: number;
  /** How long the speaker shows: the biography's pages share it. */
  intervalMs: number;
}) {
  const { speaker, slot } = entry;
  const abstract = abstractStart(abstractOf(slot), abstractLimit);
  const day = slot.day === today ? null : dayLabel(slot.day, today, zone);
  const paragraphs = speaker.biography?.split('\n').filter((p) => p.trim() !== '') ?? [];
  return (
    <>
      <h3 className="spotlight-name" data-text="secondary">
        {speaker.name}
      </h3>
      {speaker.affiliation && (
        <p className="spotlight-affiliation" data-text="secondary">
          {speaker.affiliation}
        </p>
      )}
      <p className="spotlight-talk" data-text="secondary">
        <span className="spotlight-when">
          {day && `${day} `}
          <StartTime slot={slot} zone={zone} />
        </span>{' '}
        <WhereName slot={slot} className="spotlight-where" />{' '}
        <span className={`spotlight-title ${isTba(slot) ? 'tba' : ''}`}>
          <ChangeLabel slot={slot}>{titleOf(slot)}</ChangeLabel>
        </span>
      </p>
      {(paragraphs.length > 0 || abstract) && (
        <div
          className="spotlight-text pager"
          data-fill=""
          data-fill-period={intervalMs}
          data-yield={YIELD_RANK.biography}
          data-wish-yield={YIELD_RANK.biographyRoom}
          data-fit-fixed=""
        >
          <div className="pager-window" data-pager-window="">
            <div className="pager-content">
              {paragraphs.map((paragraph, i) => (
                <p key={i} className="spotlight-bio" data-text="reading">
                  {paragraph}
                </p>
              ))}
              {abstract && (
                <p className="spotlight-abstract" data-text="reading">
                  {abstract}
                </p>
              )}
            </div>
          </div>
          <div className="page-marks" data-page-marks="" role="img" />
        </div>
      )}
    </>
  );
}
