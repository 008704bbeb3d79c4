/** One item in full: title, subtitle, part, speakers, place. Used for Now and Next. */
import { abstractStart, isTba, partLabel, titleOf } from '../../../../core/engine/item-text.ts';
import { speakersOfTalk } from '../../../../core/engine/speakers.ts';
import type { Slot, Timeline } from '../../../../core/engine/timeline.ts';
import { ChangeLabel } from '../../components/change-label.tsx';
import { Place, SpeakerList } from '../../components/item-text.tsx';
import { useFitText } from '../../hooks/use-fit-text.ts';

export function ItemCard({
  slot,
  timeline,
  size,
  withAbstract = false,
}: {
  slot: Slot;
  timeline: Timeline;
  size: 'large' | 'medium';
  withAbstract?: boolean;
}) {
  const abstract = withAbstract ? abstractStart(slot.item.abstract, 420) : null;
  const speakers = speakersOfTalk(timeline, slot);
  const part = partLabel(slot);
  const destinationId = slot.item.destination;
  const destination = destinationId ? timeline.program.event.venues.find((v) => v.id === destinationId) : undefined;
  const ref = useFitText<HTMLDivElement>(slot, 0.45);
  return (
    <div className={`item-card ${size} fit`} ref={ref}>
      {part && <div className="item-part">{part}</div>}
      <h3 className={`item-title ${isTba(slot) ? 'tba' : ''}`}>
        <ChangeLabel slot={slot}>{titleOf(slot)}</ChangeLabel>
      </h3>
      {slot.item.subtitle && <p className="item-subtitle">{slot.item.subtitle}</p>}
      <SpeakerList speakers={speakers} />
      <Place slot={slot} destination={destination} />
      {slot.item.notes && <p className="item-notes">{slot.item.notes}</p>}
      {abstract && <p className="item-abstract">{abstract}</p>}
    </div>
  );
}
