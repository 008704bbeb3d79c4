/** The emergency message: full screen, needs nothing but what is already in the page. */
import type { Program } from '../../../../core/program/schema.ts';
import { emergencyTextOf } from '../../../../core/screen/announcements.ts';
import { StrokeIcon } from '../../components/stroke-icon.tsx';
import './overlays.css';

/** `text`: staff's own words, set with the emergency on the control page (null: the program's, else the default). */
export function EmergencyScreen({ program, text }: { program: Program; text: string | null }) {
  return (
    <div className="emergency" role="alert">
      <StrokeIcon className="emergency-icon" viewBox="0 0 24 24" path="M12 2 1 21h22L12 2Zm0 6v6m0 3v.5" />
      <p className="emergency-text" dir="auto">
        {emergencyTextOf(program, text)}
      </p>
    </div>
  );
}
