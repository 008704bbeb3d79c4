/** What is on now: large, with its time range and time left. */
import type { Slot, Timeline } from '../../../../core/engine/timeline.ts';
import { TimeRange } from '../common/times.tsx';
import { ItemCard } from './item-card.tsx';
import { TimeLeft } from './time-left.tsx';

export function NowPanel({ slots, timeline, label = 'Now' }: { slots: readonly Slot[]; timeline: Timeline; label?: string }) {
  const main = slots[0];
  if (!main) return null;
  return (
    <section className="panel now-panel" role="region" aria-label="Now">
      <div className="panel-head">
        <h2 className="section-label accent">{label}</h2>
        <span className="panel-time">
          <TimeRange slot={main} zone={timeline.zone} />
        </span>
      </div>
      <ItemCard slot={main} timeline={timeline} size="large" withAbstract />
      {slots.length > 1 && (
        <p className="also-now">
          Also now:{' '}
          {slots
            .slice(1)
            .map((s) => s.item.title ?? s.room?.name ?? '')
            .join(' · ')}
        </p>
      )}
      {!main.openEnded && <TimeLeft start={main.start} end={main.end} />}
    </section>
  );
}
