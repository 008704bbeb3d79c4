/** Time left of the current item and countdowns: re-render once a minute, nothing else does. */
import { duration } from '../../../../core/engine/format.ts';
import { useNow } from '../../clock/clock-context.tsx';

export function TimeLeft({ start, end }: { start: number; end: number }) {
  const now = useNow(60_000);
  const total = Math.max(1, end - start);
  const done = Math.min(1, Math.max(0, (now - start) / total));
  return (
    <div className="time-left">
      <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(done * 100)}>
        <div className="progress-done" style={{ transform: `scaleX(${done})` }} />
      </div>
      <span className="time-left-text">{duration(end - now)} left</span>
    </div>
  );
}

export function Countdown({ to, prefix = 'in' }: { to: number; prefix?: string }) {
  const now = useNow(60_000);
  return (
    <span className="countdown">
      {prefix} {duration(to - now)}
    </span>
  );
}
