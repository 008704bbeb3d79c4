/** The registration desk: the whole day, where things are, and how to get the program on a phone. */
import { DateTime } from 'luxon';
import type { Snapshot } from '../../../../core/engine/snapshot.ts';
import type { Timeline } from '../../../../core/engine/timeline.ts';
import { DayList } from '../board/day-list.tsx';
import { assetUrl } from '../common/asset-url.ts';
import { QrCode } from './qr-code.tsx';

export function AgendaView({ snap, timeline, room }: { snap: Snapshot; timeline: Timeline; room: string | null }) {
  const event = timeline.program.event;
  // Before the day's first item, or between days, the desk shows the coming day.
  const day = snap.today.length > 0 ? snap.day : (snap.next[0]?.day ?? timeline.days[timeline.days.length - 1] ?? snap.day);
  const slots = (timeline.byRoom.get(room) ?? timeline.slots).filter((s) => s.day === day);
  const heading = DateTime.fromISO(day, { zone: timeline.zone }).setLocale('en-GB').toFormat('cccc d LLLL');
  const venues = event.venues.filter((v) => v.address || v.notes);
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
                  <span className="place-name">{v.name}</span>
                  {v.address && <span className="place-address">{v.address}</span>}
                  {v.notes && <span className="place-notes">{v.notes}</span>}
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
