/**
 * Who gives an item and where it happens, the same on every view. The words
 * come from core/engine/item-text; each piece is a secondary text that shrinks
 * with its box, never below its floor, and never yields (names stay).
 */
import type { Speaker, Venue } from '../../../core/program/schema.ts';
import type { Slot } from '../../../core/engine/timeline.ts';
import './item-text.css';

export function SpeakerList({ speakers, className }: { speakers: readonly Speaker[]; className?: string }) {
  if (speakers.length === 0) return null;
  return (
    <ul className={`speakers ${className ?? ''}`}>
      {speakers.map((s) => (
        <li key={s.name}>
          <span className="speaker-name" data-text="secondary">
            {s.name}
          </span>
          {s.affiliation && (
            <span className="speaker-affiliation" data-text="secondary">
              {s.affiliation}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** A venue's name, then its address (and notes) on lines of their own. */
export function VenueText({ venue, withNotes = false }: { venue: Venue; withNotes?: boolean }) {
  return (
    <>
      <span className="place-name" data-text="secondary">
        {venue.name}
      </span>
      {venue.address && (
        <span className="place-address" data-text="secondary">
          {venue.address}
        </span>
      )}
      {withNotes && venue.notes && (
        <span className="place-notes" data-text="secondary">
          {venue.notes}
        </span>
      )}
    </>
  );
}

/** Where an item away from the rooms happens (reception, bus, dinner), with the address to give a taxi. */
export function Place({ slot, destination }: { slot: Slot; destination?: Venue | undefined }) {
  if (!slot.item.venue || !slot.venue) return null;
  return (
    <div className="place">
      <div>
        <VenueText venue={slot.venue} />
      </div>
      {destination && (
        <div className="place-destination">
          <span className="place-to" data-text="secondary">
            to
          </span>{' '}
          <VenueText venue={destination} />
        </div>
      )}
    </div>
  );
}
