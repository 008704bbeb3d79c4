/** Full-screen spotlight: the speakers of the rest of the day (or of the next day). */
import { useMemo } from 'react';
import type { Snapshot } from '../../../../core/engine/snapshot.ts';
import { upcomingSpotlight } from '../../../../core/engine/speakers.ts';
import type { Timeline } from '../../../../core/engine/timeline.ts';
import { SpotlightRotator } from './spotlight-rotator.tsx';
import { AfterEvent } from '../board/moments.tsx';

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
  const entries = useMemo(
    () => upcomingSpotlight(timeline.byRoom.get(room) ?? timeline.slots, snap.at, snap.day),
    [timeline, room, snap.at, snap.day],
  );
  if (entries.length === 0) return <AfterEvent timeline={timeline} />;
  const heading = entries[0]!.slot.day === snap.day ? 'Speakers today' : 'Speakers next';
  return (
    <div className="spotlight-view">
      <SpotlightRotator
        entries={entries}
        zone={timeline.zone}
        today={snap.day}
        intervalMs={intervalMs}
        heading={heading}
        abstractLimit={600}
      />
    </div>
  );
}
