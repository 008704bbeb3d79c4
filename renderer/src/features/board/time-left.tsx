/** Time left of the current item and countdowns: re-render once a minute, nothing else does. */
import { t } from '../../../../core/i18n/index.ts';
import { duration } from '../../../../core/engine/format.ts';
import { useNow } from '../../clock/clock-context.tsx';
import { useRefit } from '../../fit/fit-box.tsx';

export function TimeLeft({ start, end }: { start: number; end: number }) {
  const now = useNow(60_000);
  const total = Math.max(1, end - start);
  const done = Math.min(1, Math.max(0, (now - start) / total));
  return (
    <div className="time-left">
      <div
        className="progress"
        role="progressbar"
        aria-label={t('board.timeGone')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(done * 100)}
      >
        <div className="progress-done" style={{ transform: `scaleX(${done})` }} />
      </div>
      <span className="time-left-text" data-text="secondary">
        {t('time.left', { time: duration(end - now) })}
      </span>
    </div>
  );
}

export function Countdown({ to }: { to: number }) {
  const now = useNow(60_000);
  const text = t('time.in', { time: duration(to - now) });
  // "in 1 h 05 min" is longer than "in 59 min": the line it is on may wrap differently.
  useRefit(text);
  return (
    <span className="countdown" data-text="secondary">
      {text}
    </span>
  );
}
