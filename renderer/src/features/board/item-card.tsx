/**
 * One item in full, as the units of its panel: part, title, subtitle,
 * speakers, place, notes and the start of the abstract. The title, the names
 * and the place shrink but stay; the abstract is the first thing to yield.
 */
import { abstractOf, abstractStart, isTba, partLabel, titleOf } from '../../../../core/engine/item-text.ts';
import { speakersOfTalk } from '../../../../core/engine/speakers.ts';
import type { Slot, Timeline } from '../../../../core/engine/timeline.ts';
import { YIELD_RANK } from '../../../../core/engine/yield-order.ts';
import { ChangeLabel } from '../../components/change-label.tsx';
import { Place, SpeakerList } from '../../components/item-text.tsx';
import { WherePhrase } from '../../components/where.tsx';

export function ItemUnits({
  slot,
  timeline,
  withAbstract = false,
  now = false,
}: {
  slot: Slot;
  timeline: Timeline;
  withAbstract?: boolean;
  /** In the Now panel: "now in Aurora Hall" for an item of another room. */
  now?: boolean;
}) {
  const abstract = withAbstract ? abstractStart(abstractOf(slot), 420) : null;
  const speakers = speakersOfTalk(timeline, slot);
  const part = partLabel(slot);
  const destinationId = slot.item.destination;
  const destination = destinationId ? timeline.program.event.venues.find((v) => v.id === destinationId) : undefined;
  return (
    <>
      {part && (
        <div className="item-part" data-text="secondary">
          {part}
        </div>
      )}
      <h3 className={`item-title ${isTba(slot) ? 'tba' : ''}`} data-text="primary">
        <ChangeLabel slot={slot}>{titleOf(slot)}</ChangeLabel>
      </h3>
      {/* A venue away from the rooms is named with its address below. */}
      {slot.item.venue === undefined && <WherePhrase slot={slot} now={now} className="item-where" />}
      {slot.item.subtitle && (
        <p className="item-subtitle" data-text="secondary">
          {slot.item.subtitle}
        </p>
      )}
      <SpeakerList speakers={speakers} />
      <Place slot={slot} destination={destination} />
      {slot.item.notes && (
        <p className="item-notes" data-text="secondary">
          {slot.item.notes}
        </p>
      )}
      {abstract && (
        <p className="item-abstract" data-text="reading" data-yield={YIELD_RANK.abstract} data-fit-fixed="">
          {abstract}
        </p>
      )}
    </>
  );
}
