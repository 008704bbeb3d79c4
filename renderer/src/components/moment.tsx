/**
 * The screen outside the sessions: a large greeting beside what comes first
 * (above it on a portrait screen). Used by the hallway board (before the
 * event, between days) and by every view once the event is over.
 */
import { t } from '../../../core/i18n/index.ts';
import type { ReactNode } from 'react';
import type { Timeline } from '../../../core/engine/timeline.ts';
import { FitBox } from '../fit/fit-box.tsx';
import { usePortrait } from '../hooks/use-orientation.ts';
import './moment.css';

export function Moment({
  kicker,
  title,
  children,
  aside,
  stacked = false,
}: {
  kicker: ReactNode;
  title: string;
  children?: ReactNode;
  /** A panel (a fit group) shown beside the greeting. */
  aside?: ReactNode;
  /** Landscape too: the greeting above the panel, the panel across the screen (the countdown's "First"). */
  stacked?: boolean;
}) {
  const portrait = usePortrait();
  const hero = (
    <div className="moment-hero" data-fit-group="">
      <p className="moment-kicker" data-text="secondary">
        {kicker}
      </p>
      <h2 className="moment-title" data-text="primary">
        {title}
      </h2>
      {children}
    </div>
  );
  if (!aside) return <FitBox className="moment moment-alone">{hero}</FitBox>;
  if (portrait || stacked)
    return (
      <FitBox className={`moment ${portrait ? 'moment-portrait' : 'moment-stacked'}`}>
        {hero}
        {aside}
      </FitBox>
    );
  return (
    <div className="moment moment-columns">
      <FitBox className="moment-main">{hero}</FitBox>
      <FitBox className="moment-side">{aside}</FitBox>
    </div>
  );
}

export function AfterEvent({ timeline }: { timeline: Timeline }) {
  return (
    <Moment kicker={t('board.ended', { event: timeline.program.event.name })} title={t('board.thanks')}>
      <p className="moment-sub" data-text="secondary">
        {t('board.safeTravels')}
      </p>
    </Moment>
  );
}
