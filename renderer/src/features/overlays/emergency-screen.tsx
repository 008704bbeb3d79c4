/** The emergency message: full screen, needs nothing but what is already in the page. */
import { t } from '../../../../core/i18n/index.ts';
import type { Program } from '../../../../core/program/schema.ts';
import { StrokeIcon } from '../../components/stroke-icon.tsx';
import './overlays.css';

export function EmergencyScreen({ program }: { program: Program }) {
  const urgent = program.announcements?.find((a) => a.priority === 'high');
  return (
    <div className="emergency" role="alert">
      <StrokeIcon className="emergency-icon" viewBox="0 0 24 24" path="M12 2 1 21h22L12 2Zm0 6v6m0 3v.5" />
      <p className="emergency-text">{urgent?.text ?? t('emergency.text')}</p>
    </div>
  );
}
