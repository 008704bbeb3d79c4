/** What an item is called and who gives it, the same on every view. */
import type { Speaker } from '../../../../core/program/schema.ts';
import type { Slot } from '../../../../core/engine/timeline.ts';

const KIND_NAMES: Record<string, string> = {
  talk: 'Talk',
  break: 'Break',
  meal: 'Meal',
  registration: 'Registration',
  opening: 'Opening',
  closing: 'Closing',
  'lightning-talks': 'Lightning talks',
  'poster-session': 'Poster session',
  reception: 'Reception',
  dinner: 'Dinner',
  transport: 'Transport',
  other: 'Programme',
};

export function titleOf(slot: Slot): string {
  if (slot.item.title) return slot.item.title;
  return slot.item.kind === 'talk' ? 'Title to be announced' : (KIND_NAMES[slot.item.kind] ?? 'Programme');
}

export function isTba(slot: Slot): boolean {
  return !slot.item.title && slot.item.kind === 'talk';
}

export function partLabel(slot: Slot): string | null {
  const part = slot.item.part;
  return part ? `Part ${part.index} of ${part.count}` : null;
}

export function speakerNames(speakers: readonly Speaker[]): string {
  return speakers.map((s) => s.name).join(' & ');
}

export function SpeakerList({ speakers, className }: { speakers: readonly Speaker[]; className?: string }) {
  if (speakers.length === 0) return null;
  return (
    <ul className={`speakers ${className ?? ''}`}>
      {speakers.map((s) => (
        <li key={s.name}>
          <span className="speaker-name">{s.name}</span>
          {s.affiliation && <span className="speaker-affiliation">{s.affiliation}</span>}
        </li>
      ))}
    </ul>
  );
}

/** Where an item away from the rooms happens (reception, bus, dinner), with the address to give a taxi. */
export function Place({ slot, destination }: { slot: Slot; destination?: { name: string; address?: string } | undefined }) {
  if (!slot.item.venue || !slot.venue) return null;
  return (
    <div className="place">
      <div>
        <span className="place-name">{slot.venue.name}</span>
        {slot.venue.address && <span className="place-address">{slot.venue.address}</span>}
      </div>
      {destination && (
        <div className="place-destination">
          <span className="place-to">to</span> <span className="place-name">{destination.name}</span>
          {destination.address && <span className="place-address">{destination.address}</span>}
        </div>
      )}
    </div>
  );
}
