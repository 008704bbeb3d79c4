/** One speaker in the spotlight: who, from where, what about, and a calm fade between speakers. */
import type { SpotlightEntry } from '../../../core/engine/snapshot.ts';
import { dayLabel } from '../../../core/engine/format.ts';
import { abstractStart, isTba, titleOf } from '../../../core/engine/item-text.ts';
import { useFitText } from '../hooks/use-fit-text.ts';
import { ChangeLabel } from './change-label.tsx';
import { StartTime } from './times.tsx';

export function SpotlightCard({
  entry,
  zone,
  today,
  abstractLimit,
}: {
  entry: SpotlightEntry;
  zone: string;
  today: string;
  abstractLimit: number;
}) {
  const { speaker, slot } = entry;
  const abstract = abstractStart(slot.item.abstract, abstractLimit);
  const ref = useFitText<HTMLDivElement>(entry, 0.9);
  const day = slot.day === today ? null : dayLabel(slot.day, today, zone);
  return (
    <article className="spotlight-card" key={`${slot.order}-${speaker.name}`}>
      <header className="spotlight-who">
        <h3 className="spotlight-name">{speaker.name}</h3>
        {speaker.affiliation && <p className="spotlight-affiliation">{speaker.affiliation}</p>}
        <p className="spotlight-talk">
          <span className="spotlight-when">
            {day && `${day} `}
            <StartTime slot={slot} zone={zone} />
          </span>{' '}
          <span className={`spotlight-title ${isTba(slot) ? 'tba' : ''}`}>
            <ChangeLabel slot={slot}>{titleOf(slot)}</ChangeLabel>
          </span>
        </p>
      </header>
      <div className="spotlight-text fit" ref={ref}>
        {speaker.biography?.split('\n').map((paragraph, i) => (
          <p key={i} className="spotlight-bio">
            {paragraph}
          </p>
        ))}
        {abstract && <p className="spotlight-abstract">{abstract}</p>}
      </div>
    </article>
  );
}
