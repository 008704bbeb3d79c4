/** The emergency message: full screen, needs nothing but what is already in the page. */
import type { Program } from '../../../../core/program/schema.ts';
import { StrokeIcon } from '../../components/stroke-icon.tsx';
import './overlays.css';

export const DEFAULT_EMERGENCY_TEXT = 'Please follow the instructions of venue staff.';

export function EmergencyScreen({ program }: { program: Program }) {
  const urgent = program.announcements?.find((a) => a.priority === 'high');
  return (
    <div className="emergency" role="alert">
      <StrokeIcon className="emergency-icon" viewBox="0 0 24 24" path="M12 2 1 21h22L12 2Zm0 6v6m0 3v.5" />
      <p className="emergency-text">{urgent?.text ?? DEFAULT_EMERGENCY_TEXT}</p>
    </div>
  );
}
