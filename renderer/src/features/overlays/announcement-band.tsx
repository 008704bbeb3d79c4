/**
 * High-priority announcements written on the day: a fixed band, never rotated
 * with the others, shown as long as they last. Staff's text is set as text,
 * in its own direction.
 */
import type { LiveAnnouncement } from '../../../../core/screen/announcements.ts';
import { StrokeIcon } from '../../components/stroke-icon.tsx';
import './overlays.css';

export function AnnouncementBand({ announcements }: { announcements: readonly LiveAnnouncement[] }) {
  return (
    <aside className="announcement-band" role="region" aria-label="Important">
      {announcements.map((a) => (
        <p className="announcement-band-line" key={a.id}>
          <StrokeIcon className="announcement-band-icon" viewBox="0 0 24 24" path="M12 2 1 21h22L12 2Zm0 6v6m0 3v.5" />
          <span className="announcement-band-text" data-text="secondary" dir="auto">
            {a.text}
          </span>
        </p>
      ))}
    </aside>
  );
}
