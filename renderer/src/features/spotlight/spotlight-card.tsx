/** One speaker in the spotlight: who, from where, what about, and a calm fade between speakers. */
import type { SpotlightEntry } from '../../../../core/engine/snapshot.ts';
import { dayLabel } from '../../../../core/engine/format.ts';
import { useFitText } from '../../hooks/use-fit-text.ts';
import { isTba, titleOf } from '../common/item-text.tsx';
import { StartTime } from '../common/times.tsx';

/** The opening of an abstract: whole sentences, about `limit` characters. */
export function abstractStart(text: string | undefined, limit: number): string | null {
  if (!text) return null;
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= limit) return flat;
  // A sentence ends at . ! or ? followed by a capital: "e.g. smoothed" is not an end.
  const sentences = flat.split(/(?<=[.!?][”"’)]?)\s+(?=[A-Z“"(])/);
  let out = '';
  for (const sentence of sentences) {
    if (out && out.length + sentence.length + 1 > limit) break;
    out = out ? `${out} ${sentence}` : sentence;
  }
  return out;
}

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
          <span className={`spotlight-title ${isTba(slot) ? 'tba' : ''}`}>{titleOf(slot)}</span>
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
