/** What is next, with its day when it is not today ("Tomorrow 09:00"): a panel of a fit box. */
import { t } from '../../../../core/i18n/index.ts';
import { dayLabel } from '../../../../core/engine/format.ts';
import type { Slot, Timeline } from '../../../../core/engine/timeline.ts';
import { timeOf } from '../../../../core/engine/format.ts';
import { StartTime, Time } from '../../components/times.tsx';
import { ItemUnits } from './item-card.tsx';
import { Countdown } from './time-left.tsx';

export function NextPanel({
  slot,
  today,
  timeline,
  size = 'medium',
  label = t('board.next'),
  countdown = false,
  afterTalk = false,
  dayInLabel = false,
}: {
  slot: Slot | undefined;
  today: string;
  timeline: Timeline;
  size?: 'large' | 'medium';
  label?: string;
  countdown?: boolean;
  /** A shared item a delay moved to the end of the talk on now (core/engine/board.ts afterThisTalk). */
  afterTalk?: boolean;
  /** The label already names the day ("Tomorrow starts with"): the time goes without it. */
  dayInLabel?: boolean;
}) {
  if (!slot) return null;
  const zone = timeline.zone;
  const day = slot.day === today || dayInLabel ? null : dayLabel(slot.day, today, zone);
  return (
    <section className={`panel next-panel ${size}`} role="region" aria-label="Next" data-fit-group="">
      <div className="panel-head">
        <h2 className="section-label" data-text="secondary">
          {label}
        </h2>
        <span className="panel-time" data-text="primary">
          {day && <span className="next-day">{day} </span>}
          {afterTalk ? (
            <Time at={slot.start} zone={zone} label={t('board.afterThisTalk', { time: timeOf(slot.start, zone) })} />
          ) : (
            <StartTime slot={slot} zone={zone} />
          )}
          {countdown && !afterTalk && slot.takesPlace && (
            <>
              {' '}
              <Countdown to={slot.start} />
            </>
          )}
        </span>
      </div>
      <ItemUnits slot={slot} timeline={timeline} />
    </section>
  );
}
