/** Announcements (written on the day, and the program file's while shown), as a calm banner that pages through them. */
import { t } from '../../../../core/i18n/index.ts';
import { useRotation } from '../../clock/use-rotation.ts';
import './overlays.css';

type Announcement = { id: string; text: string; priority?: 'normal' | 'high' | undefined };

export function AnnouncementBar({ announcements, intervalMs }: { announcements: readonly Announcement[]; intervalMs: number }) {
  const index = useRotation(announcements.length, intervalMs);
  const current = announcements[index];
  if (!current) return null;
  return (
    <aside className={`announcements ${current.priority === 'high' ? 'high' : ''}`} role="region" aria-label="Announcements">
      <span className="announcement-label" data-text="secondary">
        {t('announcement.label')}
      </span>
      <p className="announcement-text" key={current.id} data-text="secondary" dir="auto">
        {current.text}
      </p>
    </aside>
  );
}
