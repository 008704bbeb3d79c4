/** The rotating speaker spotlight, on the hallway board during breaks and full screen: the page comes from the clock, so neighbouring screens agree. */
import type { SpotlightEntry } from '../../../core/engine/snapshot.ts';
import { useRotation } from '../clock/use-rotation.ts';
import { SpotlightCard } from './spotlight-card.tsx';
import './spotlight.css';

export function SpotlightRotator({
  entries,
  zone,
  today,
  intervalMs,
  heading,
  abstractLimit = 320,
  className,
}: {
  entries: readonly SpotlightEntry[];
  zone: string;
  today: string;
  intervalMs: number;
  heading: string;
  abstractLimit?: number;
  className?: string;
}) {
  const index = useRotation(entries.length, intervalMs);
  const entry = entries[index];
  if (!entry) return null;
  return (
    <section className={`panel spotlight ${className ?? ''}`} role="region" aria-label="Spotlight">
      <div className="panel-head">
        <h2 className="section-label accent">{heading}</h2>
        {entries.length > 1 && (
          <span className="spotlight-dots" aria-label={`Speaker ${index + 1} of ${entries.length}`}>
            {entries.map((e, i) => (
              <span key={`${e.slot.order}-${e.speaker.name}`} className={i === index ? 'dot on' : 'dot'} />
            ))}
          </span>
        )}
      </div>
      <div className="spotlight-stage">
        <SpotlightCard
          key={`${entry.slot.order}-${entry.speaker.name}`}
          entry={entry}
          zone={zone}
          today={today}
          abstractLimit={abstractLimit}
        />
      </div>
    </section>
  );
}
