/**
 * A discreet line for staff: when the program was updated, whether the source
 * is offline, a rejected edit (framed in the screen's language, the file's own words as they are), and a screen setting that names nothing in the
 * program (an unknown group or room: the screen shows every room meanwhile).
 */
import { t } from '../../../../core/i18n/index.ts';
import type { ProgramStatus } from '../../../../core/host-contract.ts';
import { timeOf } from '../../../../core/engine/format.ts';
import { roomsProblemText, type RoomsProblem } from '../../../../core/engine/screen-rooms.ts';
import './overlays.css';

export function StatusLine({
  status,
  zone,
  note,
  problem = null,
}: {
  status: ProgramStatus;
  zone: string;
  note: string | null;
  problem?: RoomsProblem | null;
}) {
  return (
    <div className="status-line">
      {note && <span className="status-note">{note}</span>}
      {status.offlineSince !== null ? (
        <span className="status-offline">{t('status.offlineSince', { time: timeOf(status.offlineSince, zone) })}</span>
      ) : (
        <span className="status-updated">{t('status.updated', { time: timeOf(status.updatedAt, zone) })}</span>
      )}
      {problem && (
        <span className="error-badge" role="status" aria-label="Screen setting">
          {roomsProblemText(problem)}
        </span>
      )}
      {status.error && (
        <span className="error-badge" role="status" aria-label="Program error">
          {status.errorKind && <>{t(status.errorKind === 'rejected' ? 'status.rejected' : 'status.unreadable')} </>}
          {/* The file's own terms (its name, its fields, the validator's words) read left to right on any screen. */}
          <bdi className="error-detail" dir="ltr" lang="en">
            {status.error}
          </bdi>
        </span>
      )}
    </div>
  );
}
