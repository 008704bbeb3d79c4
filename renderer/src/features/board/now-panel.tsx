/** What is on now: large, with its time range and time left. */
import { Fragment } from 'react';
import { alsoNow } from '../../../../core/engine/item-text.ts';
import type { Slot, Timeline } from '../../../../core/engine/timeline.ts';
import { ChangeLabel } from '../../components/change-label.tsx';
import { TimeRange } from '../../components/times.tsx';
import { ItemCard } from './item-card.tsx';
import { TimeLeft } from './time-left.tsx';

export function NowPanel({ slots, timeline, label = 'Now' }: { slots: readonly Slot[]; timeline: Timeline; label?: string }) {
  const main = slots[0];
  if (!main) return null;
  const others = alsoNow(slots);
  return (
    <section className="panel now-panel" role="region" aria-label="Now">
      <div className="panel-head">
        <h2 className="section-label accent">{label}</h2>
        <span className="panel-time">
          <TimeRange slot={main} zone={timeline.zone} />
        </span>
      </div>
      <ItemCard slot={main} timeline={timeline} size="large" withAbstract />
      {others.length > 0 && (
        <p className="also-now">
          Also now:{' '}
          {others.map(({ slot, text }, i) => (
            <Fragment key={slot.order}>
              {i > 0 && ' · '}
              <ChangeLabel slot={slot}>{text}</ChangeLabel>
            </Fragment>
          ))}
        </p>
      )}
      {!main.openEnded && <TimeLeft start={main.start} end={main.end} />}
    </section>
  );
}
