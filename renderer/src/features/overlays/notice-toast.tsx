/** A line for staff for a few seconds: why a key changed nothing (a staff key is needed, the hub is offline). */
import './overlays.css';

export function NoticeToast({ text }: { text: string }) {
  return (
    <div className="notice-toast" role="status" aria-label="Notice">
      {text}
    </div>
  );
}
