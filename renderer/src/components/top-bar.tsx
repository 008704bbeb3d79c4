/** The top of every view: the event (and its logo), the room this screen is for, and the clock. */
import type { Program } from '../../../core/program/schema.ts';
import { assetUrl } from './asset-url.ts';
import { ClockFace } from './clock-face.tsx';
import './top-bar.css';

export function TopBar({ event, roomName, zone }: { event: Program['event']; roomName: string | null; zone: string }) {
  return (
    <header className="top-bar">
      <div className="brand">
        {event.logo && <img className="logo" src={assetUrl(event.logo)} alt="" />}
        <span className="event-name" data-text="secondary">
          {event.shortName ?? event.name}
        </span>
        {roomName !== null && (
          <span className="room-name" data-text="primary">
            {roomName}
          </span>
        )}
      </div>
      <ClockFace zone={zone} />
    </header>
  );
}
