/** The board outside sessions: before the event, between days, after the event. Never an empty screen. */
import type { Snapshot } from '../../../../core/engine/snapshot.ts';
import type { Timeline } from '../../../../core/engine/timeline.ts';
import { dayLabel, timeOf } from '../../../../core/engine/format.ts';
import { NextPanel } from './next-panel.tsx';
import { Countdown } from './time-left.tsx';

export function BeforeEvent({ snap, timeline }: { snap: Snapshot; timeline: Timeline }) {
  const first = snap.next[0];
  const event = timeline.program.event;
  return (
    <div className="board board-moment">
      <div className="moment-hero">
        <p className="moment-kicker">Welcome to</p>
        <h2 className="moment-title">{event.name}</h2>
        {first && (
          <p className="moment-countdown">
            <span>Starts</span> <Countdown to={first.start} />
          </p>
        )}
      </div>
      <NextPanel slot={first} today={snap.day} timeline={timeline} size="large" label="First" />
    </div>
  );
}

export function BetweenDays({ snap, timeline }: { snap: Snapshot; timeline: Timeline }) {
  const first = snap.next[0];
  if (first && first.day === snap.day) {
    // Early morning: the day has not started yet.
    return (
      <div className="board board-moment">
        <div className="moment-hero">
          <p className="moment-kicker">Good morning</p>
          <h2 className="moment-title">The day starts at {timeOf(first.start, timeline.zone)}</h2>
          <p className="moment-countdown">
            <Countdown to={first.start} />
          </p>
        </div>
        <NextPanel slot={first} today={snap.day} timeline={timeline} size="large" label="First" />
      </div>
    );
  }
  const label = first ? dayLabel(first.day, snap.day, timeline.zone) : '';
  return (
    <div className="board board-moment">
      <div className="moment-hero">
        <p className="moment-kicker">That’s all for today</p>
        <h2 className="moment-title">{label === 'Tomorrow' ? 'See you tomorrow' : `See you ${label}`}</h2>
      </div>
      <NextPanel slot={first} today={snap.day} timeline={timeline} size="large" label={`${label} starts with`} />
    </div>
  );
}

export function AfterEvent({ timeline }: { timeline: Timeline }) {
  const event = timeline.program.event;
  return (
    <div className="board board-moment board-after">
      <div className="moment-hero">
        <p className="moment-kicker">{event.name} has ended</p>
        <h2 className="moment-title">Thank you for coming</h2>
        <p className="moment-sub">Safe travels home — we hope to see you again.</p>
      </div>
    </div>
  );
}
