/**
 * The screen outside the sessions: a large greeting beside what comes first.
 * Used by the hallway board (before the event, between days) and by every view
 * once the event is over.
 */
import type { ReactNode } from 'react';
import type { Timeline } from '../../../core/engine/timeline.ts';
import './moment.css';

export function Moment({
  kicker,
  title,
  children,
  aside,
}: {
  kicker: ReactNode;
  title: string;
  children?: ReactNode;
  aside?: ReactNode;
}) {
  return (
    <div className={`moment ${aside ? '' : 'moment-alone'}`}>
      <div className="moment-hero">
        <p className="moment-kicker">{kicker}</p>
        <h2 className="moment-title">{title}</h2>
        {children}
      </div>
      {aside}
    </div>
  );
}

export function AfterEvent({ timeline }: { timeline: Timeline }) {
  return (
    <Moment kicker={<>{timeline.program.event.name} has ended</>} title="Thank you for coming">
      <p className="moment-sub">Safe travels home — we hope to see you again.</p>
    </Moment>
  );
}
