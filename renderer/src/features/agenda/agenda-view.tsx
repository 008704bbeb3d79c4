/** The registration desk: the whole day, where things are, and how to get the program on a phone. */
import { deskDay, deskVenues } from '../../../../core/engine/desk.ts';
import type { Snapshot } from '../../../../core/engine/snapshot.ts';
import type { Timeline } from '../../../../core/engine/timeline.ts';
import { assetUrl } from '../../components/asset-url.ts';
import { DayList } from '../../components/day-list.tsx';
import { VenueText } from '../../components/item-text.tsx';
import { QrCode } from './qr-code.tsx';
import './agenda.css';

export function AgendaView({ snap, timeline, room }: { snap: Snapshot; timeline: Timeline; room: string | null }) {
  const event = timeline.program.event;
  const { slots, heading } = deskDay(timeline, snap, room);
  const venues = deskVenues(timeline);
  return (
    <div className="agenda-view">
      <DayList slots={slots} timeline={timeline} at={snap.at} heading={heading} className="agenda-list" />
      <aside className="agenda-side">
        {venues.length > 0 && (
          <section className="panel venues" aria-label="Venues">
            <h2 className="section-label">Venues</h2>
            <ul>
              {venues.map((v) => (
                <li key={v.id}>
                  <VenueText venue={v} withNotes />
                </li>
              ))}
            </ul>
          </section>
        )}
        {event.map && (
          <figure className="panel venue-map">
            <img src={assetUrl(event.map.image)} alt={event.map.caption ?? 'Venue map'} />
            {event.map.caption && <figcaption>{event.map.caption}</figcaption>}
          </figure>
        )}
        {event.url && (
          <section className="panel program-link" aria-label="Program online">
            <QrCode text={event.url} label={`QR code: ${event.url}`} />
            <p>
              The program on your phone
              <span className="program-url">{event.url.replace(/^https?:\/\//, '')}</span>
            </p>
          </section>
        )}
        {event.notice && <p className="notice">{event.notice}</p>}
      </aside>
    </div>
  );
}
