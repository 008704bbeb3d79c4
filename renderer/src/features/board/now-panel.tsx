/**
 * What is on now: large, with its time range and time left. When several
 * items run at once in the room (a workshop inside an all-day slot), the
 * specific one is shown in full and the others follow as short rows, the
 * longer container last (core/engine/concurrent.ts orders them).
 */
import { t } from '../../../../core/i18n/index.ts';
import type { Slot, Timeline } from '../../../../core/engine/timeline.ts';
import { isTba, speakerNames, titleOf } from '../../../../core/engine/item-text.ts';
import { speakersOfTalk } from '../../../../core/engine/speakers.ts';
import { ChangeLabel } from '../../components/change-label.tsx';
import { TimeRange } from '../../components/times.tsx';
import { WhereName } from '../../components/where.tsx';
import { ItemUnits } from './item-card.tsx';
import { TimeLeft } from './time-left.tsx';

export function NowPanel({
  slots,
  timeline,
  label = t('board.now'),
}: {
  slots: readonly Slot[];
  timeline: Timeline;
  label?: string;
}) {
  const main = slots[0];
  if (!main) return null;
  const others = slots.slice(1);
  return (
    <section className="panel now-panel" role="region" aria-label="Now" data-fit-group="">
      <div className="panel-head">
        <h2 className="section-label accent" data-text="secondary">
          {label}
        </h2>
        <span className="panel-time" data-text="primary">
          <TimeRange slot={main} zone={timeline.zone} />
        </span>
      </div>
      <ItemUnits slot={main} timeline={timeline} withAbstract={others.length === 0} now />
      {others.map((slot) => (
        <AlsoNow key={slot.order} slot={slot} timeline={timeline} />
      ))}
      {!main.openEnded && <TimeLeft start={main.start} end={main.end} />}
    </section>
  );
}

/** Another item on now in this room: its times, title and speakers on a row of their own. */
function AlsoNow({ slot, timeline }: { slot: Slot; timeline: Timeline }) {
  const speakers = speakersOfTalk(timeline, slot);
  return (
    <div className="also-now">
      <span className="also-now-time" data-text="secondary">
        <TimeRange slot={slot} zone={timeline.zone} />
      </span>
      <span className="also-now-what">
        <span className={`also-now-title ${isTba(slot) ? 'tba' : ''}`} data-text="secondary">
          <ChangeLabel slot={slot}>{titleOf(slot)}</ChangeLabel>
        </span>
        <WhereName slot={slot} className="also-now-where" />
        {speakers.length > 0 && (
          <span className="also-now-who" data-text="secondary">
            {speakerNames(speakers)}
          </span>
        )}
      </span>
    </div>
  );
}
