/** "Room full" (or closed) on the room's own screens, and where else to go: a talk starting about now in an open room. */
import { t } from '../../../../core/i18n/index.ts';
import { titleOf } from '../../../../core/engine/item-text.ts';
import type { RoomStatusEntry } from '../../../../core/engine/room-status.ts';
import type { Timeline } from '../../../../core/engine/timeline.ts';
import { StartTime } from '../../components/times.tsx';
import { useRoomNotice } from '../../hooks/use-room-notice.ts';
import './overlays.css';

export function RoomStatusBar({
  timeline,
  statuses,
  room,
  day,
  at,
}: {
  timeline: Timeline;
  statuses: readonly RoomStatusEntry[];
  room: string;
  day: string;
  at: number;
}) {
  const notice = useRoomNotice(timeline, statuses, room, day, at);
  if (notice === null) return null;
  const { suggestion } = notice;
  return (
    <section className={`room-status room-${notice.status}`} role="region" aria-label={t('room.status')}>
      <strong className="room-status-label">{notice.status === 'full' ? t('room.full') : t('room.closed')}</strong>
      {suggestion !== null && (
        <span className="room-suggestion">
          <span className="room-suggestion-where">{t('room.startingNowIn', { room: suggestion.room?.name ?? '' })}</span>
          <span className="room-suggestion-title">{titleOf(suggestion)}</span>{' '}
          <StartTime slot={suggestion} zone={timeline.zone} />
        </span>
      )}
    </section>
  );
}
