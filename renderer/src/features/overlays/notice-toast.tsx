/** A line for staff for a few seconds: why a key changed nothing (a staff key is needed, the hub is offline). */
import { noticeText, type Notice } from '../../../../core/screen/notice.ts';
import './overlays.css';

export function NoticeToast({ notice }: { notice: Notice }) {
  return (
    <div className="notice-toast" role="status" aria-label="Notice">
      {noticeText(notice)}
    </div>
  );
}
