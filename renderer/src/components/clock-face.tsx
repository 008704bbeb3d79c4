/** The time and date in the event zone: the only part of the board that changes every minute. */
import { isoOf, longDate, timeOf } from '../../../core/engine/format.ts';
import { useNow } from '../clock/clock-context.tsx';
import './clock-face.css';

export function ClockFace({ zone }: { zone: string }) {
  const now = useNow(60_000);
  return (
    <div className="clock-face">
      <time className="clock-time" dateTime={isoOf(now, zone)} data-text="primary">
        {timeOf(now, zone)}
      </time>
      <span className="clock-date" data-text="secondary">
        {longDate(now, zone)}
      </span>
    </div>
  );
}
