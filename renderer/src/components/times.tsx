/** Times as the board shows them: in the event zone, in <time> elements, delays as on a railway board. */
import { t } from '../../../core/i18n/index.ts';
import { isoOf, timeOf } from '../../../core/engine/format.ts';
import type { Slot } from '../../../core/engine/timeline.ts';
import { StrokeIcon } from './stroke-icon.tsx';
import './times.css';

export function Time({ at, zone, label }: { at: number; zone: string; label?: string }) {
  return <time dateTime={isoOf(at, zone)}>{label ?? timeOf(at, zone)}</time>;
}

/** "14:00", or when running late "~~14:00~~ → 14:10". */
export function StartTime({ slot, zone, prefix }: { slot: Slot; zone: string; prefix?: (time: string) => string }) {
  if (slot.delay === 0) return <Time at={slot.start} zone={zone} label={prefix ? prefix(timeOf(slot.start, zone)) : undefined} />;
  return (
    <span className="delayed" title={`${slot.delay > 0 ? '+' : ''}${slot.delay} min`}>
      <s className="delayed-old">
        <Time at={slot.scheduledStart} zone={zone} label={prefix ? prefix(timeOf(slot.scheduledStart, zone)) : undefined} />
      </s>
      <Arrow />
      <Time at={slot.start} zone={zone} />
    </span>
  );
}

export function EndTime({ slot, zone }: { slot: Slot; zone: string }) {
  if (slot.endDelay === 0 || slot.openEnded) return <Time at={slot.end} zone={zone} />;
  return (
    <span className="delayed">
      <s className="delayed-old">
        <Time at={slot.scheduledEnd} zone={zone} />
      </s>
      <Arrow />
      <Time at={slot.end} zone={zone} />
    </span>
  );
}

/** "09:00–09:40"; an open-ended item has no printed end, so only "from 18:00". */
export function TimeRange({ slot, zone }: { slot: Slot; zone: string }) {
  if (slot.openEnded) return <StartTime slot={slot} zone={zone} prefix={(time) => t('time.from', { time })} />;
  return (
    <span className="time-range">
      <StartTime slot={slot} zone={zone} />
      <span className="dash">–</span>
      <EndTime slot={slot} zone={zone} />
    </span>
  );
}

export function Arrow() {
  return <StrokeIcon className="arrow" viewBox="0 0 24 12" path="M1 6h19M15 1.5 20.5 6 15 10.5" label="now" />;
}
