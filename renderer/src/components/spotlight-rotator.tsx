/**
 * The rotating speaker spotlight, on the hallway board during breaks and full
 * screen: a panel of a fit box. The page comes from the wall clock, so
 * neighbouring screens agree; each turn refits the box it sits in.
 */
import type { SpotlightEntry } from '../../../core/engine/snapshot.ts';
import { useRotation } from '../clock/use-rotation.ts';
import { useRefit } from '../fit/fit-box.tsx';
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
  const key = entry ? `${entry.slot.order}-${entry.speaker.name}` : '';
  useRefit(key);
  if (!entry) return null;
  return (
    <section className={`panel spotlight ${className ?? ''}`} role="region" aria-label="Spotlight" data-fit-group="">
      <div className="panel-head">
        <h2 className="section-label accent" data-text="secondary">
          {heading}
        </h2>
        {entries.length > 1 && (
          <span className="spotlight-dots" role="img" aria-label={`Speaker ${index + 1} of ${entries.length}`}>
            {entries.map((e, i) => (
              <span key={`${e.slot.order}-${e.speaker.name}`} className={i === index ? 'dot on' : 'dot'} />
            ))}
          </span>
        )}
      </div>
      <SpotlightCard key={key} entry={entry} zone={zone} today={today} abstractLimit={abstractLimit} intervalMs={intervalMs} />
    </section>
  );
}
