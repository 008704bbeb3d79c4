/**
 * The registration desk: the whole day, where things are, and how to get the
 * program on a phone. When the day does not fit, past items give way first
 * ("+ 4 earlier"), then the end of the day ("+ 3 more"): what is on now is
 * always in view. Portrait screens stack the list above the venues.
 */
import { t } from '../../../../core/i18n/index.ts';
import { deskDay, deskVenues } from '../../../../core/engine/desk.ts';
import type { Snapshot } from '../../../../core/engine/snapshot.ts';
import type { Timeline } from '../../../../core/engine/timeline.ts';
import { deskRowRanks, laterRowRanks, YIELD_RANK } from '../../../../core/engine/yield-order.ts';
import { assetUrl } from '../../components/asset-url.ts';
import { DayRows, MoreLine } from '../../components/day-list.tsx';
import { VenueText } from '../../components/item-text.tsx';
import { FitBox } from '../../fit/fit-box.tsx';
import { usePortrait } from '../../hooks/use-orientation.ts';
import { PanelBoundary } from '../../components/panel-boundary.tsx';
import { QrCode } from './qr-code.tsx';
import './agenda.css';

export function AgendaView({ snap, timeline, room }: { snap: Snapshot; timeline: Timeline; room: string | null }) {
  const portrait = usePortrait();
  const event = timeline.program.event;
  const { slots, heading } = deskDay(timeline, snap, room);
  const venues = deskVenues(timeline);
  const ranks = deskRowRanks(slots, snap.at);
  const past = slots.filter((slot) => slot.end <= snap.at).length;
  const list = (
    <section className="panel day-list agenda-list" role="region" aria-label="Agenda" data-fit-group="" data-spill="agenda">
      <h2 className="section-label" data-text="secondary">
        {heading}
      </h2>
      <MoreLine wording={t('list.earlier')} list="earlier" leftOut={past > 0 ? t('list.earlier', { n: past }) : undefined} />
      <DayRows
        slots={slots}
        timeline={timeline}
        at={snap.at}
        ranks={ranks}
        list={(slot) => (slot.end <= snap.at ? 'earlier' : '')}
      />
      <MoreLine />
    </section>
  );
  const side = (
    <>
      {venues.length > 0 && (
        <section className="panel venues" aria-label="Venues" data-fit-group="">
          <h2 className="section-label" data-text="secondary">
            {t('agenda.venues')}
          </h2>
          {venues.map((v) => (
            <p key={v.id} className="venue">
              <VenueText venue={v} withNotes />
            </p>
          ))}
        </section>
      )}
      {event.map && (
        <figure className="panel venue-map" data-fit-group="" data-fit-optional="">
          <div className="venue-map-image" data-yield={YIELD_RANK.map} data-fit-fixed="">
            <img src={assetUrl(event.map.image)} alt={event.map.caption ?? t('agenda.map')} />
          </div>
          {event.map.caption && (
            <figcaption data-text="secondary" data-yield={YIELD_RANK.map} data-fit-fixed="">
              {event.map.caption}
            </figcaption>
          )}
        </figure>
      )}
      {event.url && (
        <section className="panel program-link" aria-label="Program online" data-fit-group="">
          <div className="program-link-row" data-fit-fixed="">
            <PanelBoundary name="The QR code" quiet resetKey={event.url}>
              <QrCode text={event.url} label={t('agenda.qr', { url: event.url })} />
            </PanelBoundary>
            <p data-text="secondary">
              {t('agenda.phone')}
              <span className="program-url">{event.url.replace(/^https?:\/\//, '')}</span>
            </p>
          </div>
        </section>
      )}
      {event.notice && (
        <div className="agenda-notice" data-fit-group="">
          <p className="notice" data-text="secondary">
            {event.notice}
          </p>
        </div>
      )}
    </>
  );
  // Landscape: the day's rows the first column has no room for go on below the venues and the QR code, as long as
  // they leave room (the fit shows here only the rows after the first column's last: fit/spill.ts).
  const continued = (
    <section
      className="panel day-list agenda-list agenda-continued"
      role="region"
      aria-label="The day, continued"
      data-fit-group=""
      data-fit-optional=""
      data-spill-to="agenda"
    >
      <DayRows slots={slots} timeline={timeline} at={snap.at} ranks={laterRowRanks(slots.length, 0)} />
      <MoreLine />
    </section>
  );
  // A program with no venues, no map, no link and no notice (most imports) has nothing beside the day: the day
  // takes the whole width, its rows on one line each and grown into the room, not two thirds of it beside a black
  // third.
  const besideTheDay = venues.length > 0 || !!event.url || !!event.notice || !!event.map;
  if (!portrait && !besideTheDay) return <FitBox className="agenda-view agenda-alone">{list}</FitBox>;
  if (portrait)
    return (
      <FitBox className="agenda-view agenda-portrait">
        {list}
        {side}
      </FitBox>
    );
  return (
    <div className="agenda-view agenda-columns">
      <FitBox className="agenda-main">{list}</FitBox>
      <FitBox className="agenda-side">
        {side}
        {continued}
      </FitBox>
    </div>
  );
}
