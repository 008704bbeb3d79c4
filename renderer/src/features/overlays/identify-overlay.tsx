/** "Which screen is this?": for staff walking the venue with a laptop. */
import { useState } from 'react';
import type { ProgramStatus } from '../../../../core/contract.ts';
import { duration } from '../../../../core/engine/format.ts';
import { useClock } from '../../clock/clock-context.tsx';
import './overlays.css';

export function IdentifyOverlay({
  name,
  roomName,
  version,
  host,
  status,
}: {
  name: string;
  roomName: string;
  version: string;
  host: string;
  status: ProgramStatus;
}) {
  // Real wall-clock time, taken when staff open the overlay: the program's age is not rehearsal time.
  const { service } = useClock();
  const [realNow] = useState(() => service.wall());
  const ageMs = realNow - status.updatedAt;
  return (
    <dialog open className="overlay identify" aria-labelledby="identify-title">
      <h2 id="identify-title">{name}</h2>
      <dl>
        <dt>Room</dt>
        <dd>{roomName}</dd>
        <dt>Foyer</dt>
        <dd>
          {version} ({host})
        </dd>
        <dt>Program</dt>
        <dd className="identify-source">{status.source}</dd>
        <dt>Loaded</dt>
        <dd>{ageMs < 60_000 ? 'just now' : `${duration(ageMs)} ago`}</dd>
        {status.offlineSince !== null && (
          <>
            <dt>Offline</dt>
            <dd>for {duration(realNow - status.offlineSince)}</dd>
          </>
        )}
      </dl>
    </dialog>
  );
}
