/** Full-screen spotlight: the speakers of the rest of the day (or of the next day). */
import { t } from '../../../../core/i18n/index.ts';
import { useMemo } from 'react';
import type { Snapshot } from '../../../../core/engine/snapshot.ts';
import { spotlightRotation } from '../../../../core/engine/speakers.ts';
import type { Timeline } from '../../../../core/engine/timeline.ts';
import { AfterEvent, Moment } from '../../components/moment.tsx';
import { SpotlightRotator } from '../../components/spotlight-rotator.tsx';
import { FitBox } from '../../fit/fit-box.tsx';
import './spotlight.css';

export function SpotlightView({
  snap,
  timeline,
  room,
  intervalMs,
}: {
  snap: Snapshot;
  timeline: Timeline;
  room: string | null;
  intervalMs: number;
}) {
  const rotation = useMemo(() => spotlightRotation(timeline, room, snap.at, snap.day), [timeline, room, snap.at, snap.day]);
  if (!rotation)
    return snap.phase === 'after-event' ? (
      <AfterEvent timeline={timeline} />
    ) : (
      <Moment kicker={t('spotlight.kicker')} title={room === null ? t('spotlight.noMore') : t('spotlight.noMoreRoom')} />
    );
  return (
    <FitBox className="spotlight-view">
      <SpotlightRotator
        entries={rotation.entries}
        zone={timeline.zone}
        today={snap.day}
        intervalMs={intervalMs}
        heading={rotation.heading}
        abstractLimit={600}
      />
    </FitBox>
  );
}
