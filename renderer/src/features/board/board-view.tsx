/**
 * The hallway board: now, next and the rest of today, or the moment the day
 * is in. Each column is a fit box (renderer/src/fit): its panels take the
 * height their text needs, the last one the rest, and what does not fit
 * shrinks or yields in core/engine/yield-order.ts's order. Portrait screens
 * get one column of their own arrangement, not the landscape one squeezed.
 */
import { t } from '../../../../core/i18n/index.ts';
import type { ReactNode } from 'react';
import { afterThisTalk, breakLayout, nextHeading, upNext } from '../../../../core/engine/board.ts';
import { isTba, speakerNames, titleOf } from '../../../../core/engine/item-text.ts';
import type { Snapshot } from '../../../../core/engine/snapshot.ts';
import { speakersOfTalk } from '../../../../core/engine/speakers.ts';
import type { Timeline } from '../../../../core/engine/timeline.ts';
import { ChangeLabel } from '../../components/change-label.tsx';
import { LaterList } from '../../components/day-list.tsx';
import { AfterEvent } from '../../components/moment.tsx';
import { SpotlightRotator } from '../../components/spotlight-rotator.tsx';
import { EndTime, StartTime } from '../../components/times.tsx';
import { WherePhrase } from '../../components/where.tsx';
import { FitBox } from '../../fit/fit-box.tsx';
import { usePortrait } from '../../hooks/use-orientation.ts';
import { BeforeEvent, BetweenDays } from './moments.tsx';
import { NextPanel } from './next-panel.tsx';
import { NowPanel } from './now-panel.tsx';
import { TimeLeft } from './time-left.tsx';
import './board.css';

interface BoardProps {
  snap: Snapshot;
  timeline: Timeline;
  spotlightMs: number;
}

export function BoardView({ snap, timeline, spotlightMs }: BoardProps) {
  const portrait = usePortrait();
  const { next, rest } = upNext(snap);
  const later = rest.length > 0 && (
    <LaterList slots={rest} timeline={timeline} at={snap.at} heading={t('board.laterToday')} className="board-later" />
  );
  switch (snap.phase) {
    case 'before-event':
      return <BeforeEvent snap={snap} timeline={timeline} />;
    case 'between-days':
      return <BetweenDays snap={snap} timeline={timeline} />;
    case 'after-event':
      return <AfterEvent timeline={timeline} />;
    case 'break':
      return <BreakBoard snap={snap} timeline={timeline} spotlightMs={spotlightMs} portrait={portrait} />;
    case 'gap': {
      const coming = (
        <NextPanel slot={next} today={snap.day} timeline={timeline} size="large" label={t('board.comingUp')} countdown />
      );
      // In a gap anything still "on now" was cancelled or moved away: it stays in place, at the head of the list, until its end.
      const list = snap.now.length + rest.length > 0 && (
        <LaterList
          slots={[...snap.now, ...rest]}
          timeline={timeline}
          at={snap.at}
          heading={t('board.laterToday')}
          className="board-later"
        />
      );
      return <Columns portrait={portrait} kind="gap" main={coming} side={list || null} />;
    }
    case 'session':
      return (
        <Columns
          portrait={portrait}
          kind="session"
          main={<NowPanel slots={snap.now} timeline={timeline} />}
          side={
            // Nothing after it (the closing): Now alone, composed for the whole screen.
            next === undefined && !later ? null : (
              <>
                <NextPanel
                  slot={next}
                  today={snap.day}
                  timeline={timeline}
                  countdown={next?.day === snap.day}
                  afterTalk={next !== undefined && afterThisTalk(snap, next)}
                />
                {later}
              </>
            )
          }
        />
      );
  }
}

/**
 * Landscape: a main column and a side column, each a fit box. Portrait: one box, main above side. With nothing
 * beside it (side null: the closing, "Coming up: dinner" with nothing after), the main panel alone takes the whole
 * screen and grows into it like a moment.
 */
function Columns({ portrait, kind, main, side }: { portrait: boolean; kind: string; main: ReactNode; side: ReactNode }) {
  if (side === null) return <FitBox className={`board board-${kind} board-alone`}>{main}</FitBox>;
  if (portrait)
    return (
      <FitBox className={`board board-${kind} board-portrait`}>
        {main}
        {side}
      </FitBox>
    );
  return (
    <div className={`board board-${kind} board-columns`}>
      <FitBox className="board-main">{main}</FitBox>
      <FitBox className="board-side">{side}</FitBox>
    </div>
  );
}

/** A break: what it is and until when, what follows, and the speakers coming up after it. */
function BreakBoard({ snap, timeline, spotlightMs, portrait }: BoardProps & { portrait: boolean }) {
  const zone = timeline.zone;
  const breakSlot = snap.now.find((s) => s.takesPlace) ?? snap.now[0]!;
  const { next } = upNext(snap);
  const layout = breakLayout(snap);
  const nextSpeakers = next ? speakersOfTalk(timeline, next) : [];
  const now = (
    <section className="panel break-panel" role="region" aria-label="Now" data-fit-group="">
      <h2 className="section-label accent" data-text="secondary">
        {t('board.now')}
      </h2>
      <p className="break-title" data-text="primary">
        {titleOf(breakSlot)}
      </p>
      <p className="break-until" data-text="primary">
        {t('board.until')} <EndTime slot={breakSlot} zone={zone} />
      </p>
      {!breakSlot.openEnded && <TimeLeft start={breakSlot.start} end={breakSlot.end} />}
    </section>
  );
  const upcoming = next && (
    <section className="panel break-next" role="region" aria-label="Next" data-fit-group="">
      <div className="panel-head">
        <h2 className="section-label" data-text="secondary">
          {nextHeading(next, snap, zone)}
        </h2>
        <span className="panel-time" data-text="primary">
          <StartTime slot={next} zone={zone} />
        </span>
      </div>
      <p className={`break-next-title ${isTba(next) ? 'tba' : ''}`} data-text="primary">
        <ChangeLabel slot={next}>{titleOf(next)}</ChangeLabel>
      </p>
      {next.item.venue === undefined && <WherePhrase slot={next} className="item-where" />}
      {nextSpeakers.length > 0 && (
        <p className="break-next-who" data-text="secondary">
          {speakerNames(nextSpeakers)}
        </p>
      )}
    </section>
  );
  // Portrait stacks the spotlight above Later today: past three rows, the list gives way to the biography.
  const later = layout.later && (
    <LaterList
      slots={layout.later}
      timeline={timeline}
      at={snap.at}
      heading={t('board.laterToday')}
      className="board-later"
      keep={portrait && !layout.list ? 3 : undefined}
    />
  );
  const large = layout.list ? (
    <LaterList slots={layout.list.slots} timeline={timeline} at={snap.at} heading={layout.list.heading} className="board-later" />
  ) : (
    <SpotlightRotator
      entries={snap.spotlight}
      zone={zone}
      today={snap.day}
      intervalMs={spotlightMs}
      heading={t('board.afterBreak')}
      className="board-spotlight"
    />
  );
  if (portrait)
    return (
      <FitBox className="board board-break board-portrait">
        {now}
        {upcoming}
        {large}
        {later}
      </FitBox>
    );
  return (
    <div className="board board-break board-columns">
      <FitBox className="board-side">
        {now}
        {upcoming}
        {later}
      </FitBox>
      <FitBox className="board-main">{large}</FitBox>
    </div>
  );
}
