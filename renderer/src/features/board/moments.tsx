/** The hallway board outside sessions: before the event and between days. Never an empty screen. */
import { t } from '../../../../core/i18n/index.ts';
import { betweenDays } from '../../../../core/engine/board.ts';
import type { Snapshot } from '../../../../core/engine/snapshot.ts';
import type { Timeline } from '../../../../core/engine/timeline.ts';
import { timeOf } from '../../../../core/engine/format.ts';
import { LaterList } from '../../components/day-list.tsx';
import { Moment } from '../../components/moment.tsx';
import { NextPanel } from './next-panel.tsx';
import { Countdown } from './time-left.tsx';

export function BeforeEvent({ snap, timeline }: { snap: Snapshot; timeline: Timeline }) {
  const first = snap.next[0];
  return (
    <Moment
      kicker={t('board.welcome')}
      title={timeline.program.event.name}
      stacked
      aside={<NextPanel slot={first} today={snap.day} timeline={timeline} size="large" label={t('board.first')} />}
    >
      {first && (
        <p className="moment-countdown" data-text="primary">
          <span>{t('board.starts')}</span> <Countdown to={first.start} />
        </p>
      )}
    </Moment>
  );
}

export function BetweenDays({ snap, timeline }: { snap: Snapshot; timeline: Timeline }) {
  const moment = betweenDays(snap, timeline.zone);
  if (moment.kind === 'morning')
    return (
      <Moment
        kicker={t('board.goodMorning')}
        title={t('board.dayStartsAt', { time: timeOf(moment.first.start, timeline.zone) })}
        aside={<NextPanel slot={moment.first} today={snap.day} timeline={timeline} size="large" label={t('board.first')} />}
      >
        <p className="moment-countdown" data-text="primary">
          <Countdown to={moment.first.start} />
        </p>
      </Moment>
    );
  if (moment.kind === 'elsewhere')
    return (
      <Moment
        kicker={moment.kicker}
        title={moment.title}
        aside={
          moment.today ? (
            <LaterList slots={moment.slots} timeline={timeline} at={snap.at} heading={moment.label} className="board-later" />
          ) : (
            <NextPanel slot={moment.slots[0]} today={snap.day} timeline={timeline} size="large" label={moment.label} dayInLabel />
          )
        }
      />
    );
  return (
    <Moment
      kicker={t('board.allForToday')}
      title={moment.title}
      aside={<NextPanel slot={moment.first} today={snap.day} timeline={timeline} size="large" label={moment.label} dayInLabel />}
    />
  );
}
