/** "Which screen is this?": for staff walking the venue with a laptop. */
import { t } from '../../../../core/i18n/index.ts';
import { useState } from 'react';
import type { ProgramStatus } from '../../../../core/host-contract.ts';
import { duration } from '../../../../core/engine/format.ts';
import { textFloors, type DisplaySettings } from '../../../../core/layout/sizing.ts';
import { useClock } from '../../clock/clock-context.tsx';
import './overlays.css';

export function IdentifyOverlay({
  name,
  roomName,
  version,
  host,
  status,
  display,
}: {
  name: string;
  roomName: string;
  version: string;
  host: string;
  status: ProgramStatus;
  /** How this screen is seen: the overlay shows the smallest text sizes that follow from it. */
  display: DisplaySettings;
}) {
  // Real wall-clock time, taken when staff open the overlay: the program's age is not rehearsal time.
  const { service } = useClock();
  const [realNow] = useState(() => service.wall());
  const ageMs = realNow - status.updatedAt;
  const floors = textFloors(display, window.innerWidth, window.innerHeight);
  const px = (n: number) => `${Math.round(n)} px`;
  return (
    <dialog open className="overlay identify" aria-labelledby="identify-title">
      <h2 id="identify-title">{name}</h2>
      <dl>
        <dt>{t('identify.room')}</dt>
        <dd>{roomName}</dd>
        <dt>Foyer</dt>
        <dd>
          {version} ({host})
        </dd>
        <dt>{t('identify.program')}</dt>
        <dd className="identify-source">{status.source}</dd>
        <dt>{t('identify.seenFrom')}</dt>
        <dd>
          {display.viewingDistance} m on a {display.diagonal}″ screen ({window.innerWidth}×{window.innerHeight})
        </dd>
        <dt>{t('identify.smallest')}</dt>
        <dd className="identify-floors">
          titles and times {px(floors.fontPx.primary)}, names and rows {px(floors.fontPx.secondary)}, biographies{' '}
          {px(floors.fontPx.reading)}
        </dd>
        <dt>{t('identify.loaded')}</dt>
        <dd>{ageMs < 60_000 ? 'just now' : `${duration(ageMs)} ago`}</dd>
        {status.offlineSince !== null && (
          <>
            <dt>{t('identify.offline')}</dt>
            <dd>for {duration(realNow - status.offlineSince)}</dd>
          </>
        )}
      </dl>
    </dialog>
  );
}
