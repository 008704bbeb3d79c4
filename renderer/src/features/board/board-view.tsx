/** The hallway board: now, next and the rest of today, or the moment the day is in. */
import { breakLayout, nextHeading, upNext } from '../../../../core/engine/board.ts';
import { isTba, speakerNames, titleOf } from '../../../../core/engine/item-text.ts';
import type { Snapshot } from '../../../../core/engine/snapshot.ts';
import { speakersOfTalk } from '../../../../core/engine/speakers.ts';
import type { Timeline } from '../../../../core/engine/timeline.ts';
import { DayList } from '../../components/day-list.tsx';
import { ChangeLabel } from '../../components/change-label.tsx';
import { AfterEvent } from '../../components/moment.tsx';
import { SpotlightRotator } from '../../components/spotlight-rotator.tsx';
import { EndTime, StartTime } from '../../components/times.tsx';
import { BeforeEvent, BetweenDays } from './moments.tsx';
import { NextPanel } from './next-panel.tsx';
import { NowPanel } from './now-panel.tsx';
import { TimeLeft } from './time-left.tsx';
import './board.css';

export function BoardView({ snap, timeline, spotlightMs }: { snap: Snapshot; timeline: Timeline; spotlightMs: number }) {
  const { next, rest } = upNext(snap);
  switch (snap.phase) {
    case 'before-event':
      return <BeforeEvent snap={snap} timeline={timeline} />;
    case 'between-days':
      return <BetweenDays snap={snap} timeline={timeline} />;
    case 'after-event':
      return <AfterEvent timeline={timeline} />;
    case 'break':
      return <BreakBoard snap={snap} timeline={timeline} spotlightMs={spotlightMs} />;
    case 'gap':
      return (
        <div className="board board-gap">
          <NextPanel slot={next} today={snap.day} timeline={timeline} size="large" label="Coming up" countdown />
          {/* In a gap anything still "on now" was cancelled or moved away: it stays in place until its end. */}
          <DayList
            slots={[...snap.now, ...rest]}
            timeline={timeline}
            at={snap.at}
            heading="Later today"
            className="board-later"
          />
        </div>
      );
    case 'session':
      return (
        <div className={`board board-session ${rest.length === 0 ? 'no-later' : ''}`}>
          <NowPanel slots={snap.now} timeline={timeline} />
          <NextPanel slot={next} today={snap.day} timeline={timeline} countdown={next?.day === snap.day} />
          {rest.length > 0 && (
            <DayList slots={rest} timeline={timeline} at={snap.at} heading="Later today" className="board-later" />
          )}
        </div>
      );
  }
}

/** A break: what it is and until when, what follows, and the speakers coming up after it. */
function BreakBoard({ snap, timeline, spotlightMs }: { snap: Snapshot; timeline: Timeline; spotlightMs: number }) {
  const zone = timeline.zone;
  const breakSlot = snap.now[0]!;
  const { next } = upNext(snap);
  const layout = breakLayout(snap);
  const nextSpeakers = next ? speakersOfTalk(timeline, next) : [];
  return (
    <div className="board board-break">
      <div className="break-side">
        <section className="panel break-panel" role="region" aria-label="Now">
          <h2 className="section-label accent">Now</h2>
          <p className="break-title">{titleOf(breakSlot)}</p>
          <p className="break-until">
            until <EndTime slot={breakSlot} zone={zone} />
          </p>
          {!breakSlot.openEnded && <TimeLeft start={breakSlot.start} end={breakSlot.end} />}
        </section>
        {next && (
          <section className="panel break-next" role="region" aria-label="Next">
            <h2 className="section-label">{nextHeading(next, snap, zone)}</h2>
            <p className="break-next-time">
              <StartTime slot={next} zone={zone} />
            </p>
            <p className={`break-next-title ${isTba(next) ? 'tba' : ''}`}>
              <ChangeLabel slot={next}>{titleOf(next)}</ChangeLabel>
            </p>
            {nextSpeakers.length > 0 && <p className="break-next-who">{speakerNames(nextSpeakers)}</p>}
          </section>
        )}
        {layout.later && (
          <DayList slots={layout.later} timeline={timeline} at={snap.at} heading="Later today" className="board-later" />
        )}
      </div>
      {layout.list ? (
        <DayList
          slots={layout.list.slots}
          timeline={timeline}
          at={snap.at}
          heading={layout.list.heading}
          className="board-later"
        />
      ) : (
        <SpotlightRotator
          entries={snap.spotlight}
          zone={zone}
          today={snap.day}
          intervalMs={spotlightMs}
          heading="Coming up after the break"
          className="board-spotlight"
        />
      )}
    </div>
  );
}
