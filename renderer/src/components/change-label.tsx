/**
 * What changed for people who planned around an item, the same on every view:
 * "Cancelled" or "Moved to Hall 2, 15:00" before a struck-through title (kept
 * in place until the item's original end), "Moved here from Hall 1, was 14:00"
 * before the title at its new place, a small "Not recorded" mark after it, and
 * the talk's language ("DE") where it is not the screen's.
 * A view wraps the title where it prints it: `<ChangeLabel slot={slot}>{title}</ChangeLabel>`.
 * The words come from core/engine/change-labels.ts; they are text, never HTML.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { changeLabel, languageBadge, recordingLabel } from '../../../core/engine/change-labels.ts';
import type { Slot } from '../../../core/engine/timeline.ts';
import './change-label.css';

interface ScreenDay {
  /** The conference day the screen shows (snapshot.day): "Moved to Tomorrow 16:00" is said from it. */
  today: string;
  zone: string;
}

const ScreenDayContext = createContext<ScreenDay | null>(null);

/** Around the views (app.tsx): the day and zone every label is worded in. */
export function ChangeLabelScope({ today, zone, children }: ScreenDay & { children: ReactNode }) {
  return <ScreenDayContext.Provider value={{ today, zone }}>{children}</ScreenDayContext.Provider>;
}

export function ChangeLabel({ slot, children }: { slot: Slot; children: ReactNode }) {
  const day = useContext(ScreenDayContext);
  // Outside a scope (never on the board) the title still shows, as printed.
  const badge = languageBadge(slot);
  // The program's title takes its direction from its own text (a <bdi>): an English title on an Arabic screen keeps
  // its full stop and brackets where they belong, and an Arabic one on a German screen reads right to left.
  const title = <bdi>{children}</bdi>;
  if (!day || (!slot.change && slot.item.recorded !== false && !badge)) return title;
  const change = changeLabel(slot, day.today, day.zone);
  const recording = recordingLabel(slot);
  return (
    <>
      {change && <span className={`change-label change-${change.kind}`}>{change.text}</span>}
      {change?.struck ? <s className="change-struck">{title}</s> : title}
      {badge && (
        <abbr className="language-badge" title={badge.label} aria-label={badge.label}>
          {badge.text}
        </abbr>
      )}
      {recording && <span className="recording-mark">{recording}</span>}
    </>
  );
}
