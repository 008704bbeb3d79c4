/** The hallway board: now, next and the rest of today, or the moment the day is in. */
import type { Snapshot } from '../../../../core/engine/snapshot.ts';
import type { Timeline } from '../../../../core/engine/timeline.ts';
import { SpotlightRotator } from '../spotlight/spotlight-rotator.tsx';
import { DayList } from './day-list.tsx';
import { AfterEvent, BeforeEvent, BetweenDays } from './moments.tsx';
import { NextPanel } from './next-panel.tsx';
import { NowPanel } from './now-panel.tsx';
import { isTba, speakerNames, titleOf } from '../common/item-text.tsx';
import { EndTime, StartTime } from '../common/times.tsx';
import { TimeLeft } from './time-left.tsx';
import { speakersOfTalk } from '../../../../core/engine/speakers.ts';
import { dayLabel } from '../../../../core/engine/format.ts';

export function BoardView({ snap, timeline, spotlightMs }: { snap: Snapshot; timeline: Timeline; spotlightMs: number }) {
  const zone = timeline.zone;
  const [next] = snap.next;
  const rest = [...snap.next.slice(1), ...snap.later];

  switch (snap.phase) {
    case 'before-event':
      return <BeforeEvent snap={snap} timeline={timeline} />;
    case 'between-days':
      return <BetweenDays snap={snap} timeline={timeline} />;
    case 'after-event':
      return <AfterEvent timeline={timeline} />;
    case 'break': {
      const breakSlot = snap.now[0]!;
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
                <h2 className="section-label">{next.day === snap.day ? 'Next' : dayLabel(next.day, snap.day, zone)}</h2>
                <p className="break-next-time">
                  <StartTime slot={next} zone={zone} />
                </p>
                <p className={`break-next-title ${isTba(next) ? 'tba' : ''}`}>{titleOf(next)}</p>
                {speakersOfTalk(timeline, next).length > 0 && (
                  <p className="break-next-who">{speakerNames(speakersOfTalk(timeline, next))}</p>
                )}
              </section>
            )}
            {snap.spotlight.length > 0 && rest.length > 0 && (
              <DayList slots={rest} timeline={timeline} at={snap.at} heading="Later today" className="board-later" />
            )}
          </div>
          {snap.spotlight.length > 0 ? (
            <SpotlightRotator
              entries={snap.spotlight}
              zone={zone}
              today={snap.day}
              intervalMs={spotlightMs}
              heading="Coming up after the break"
              className="board-spotlight"
            />
          ) : (
            <DayList
              slots={rest.length > 0 ? rest : snap.today}
              timeline={timeline}
              at={snap.at}
              heading="Today"
              className="board-later"
            />
          )}
        </div>
      );
    }
    case 'gap':
      return (
        <div className="board board-gap">
          <NextPanel slot={next} today={snap.day} timeline={timeline} size="large" label="Coming up" countdown />
          <DayList slots={rest} timeline={timeline} at={snap.at} heading="Later today" className="board-later" />
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
