/** Announcements from the program file, as a calm banner that pages through them. */
import type { Announcement } from '../../../../core/program/schema.ts';
import { useRotation } from '../../clock/use-rotation.ts';
import './overlays.css';

export function AnnouncementBar({ announcements, intervalMs }: { announcements: readonly Announcement[]; intervalMs: number }) {
  const index = useRotation(announcements.length, intervalMs);
  const current = announcements[index];
  if (!current) return null;
  return (
    <aside className={`announcements ${current.priority === 'high' ? 'high' : ''}`} role="region" aria-label="Announcements">
      <span className="announcement-label" data-text="secondary">
        Announcement
      </span>
      <p className="announcement-text" key={current.id} data-text="secondary">
        {current.text}
      </p>
    </aside>
  );
}
