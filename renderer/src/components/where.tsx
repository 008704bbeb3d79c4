/**
 * Where an item is, on screens where that is not obvious: the words come from
 * core/engine/where.ts (which room a screen names, and how), as text. The
 * screen's own room comes from a scope around the views (app.tsx), and each
 * row of the all-rooms table is a room's own.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { Slot, Timeline } from '../../../core/engine/timeline.ts';
import { whereOf, wherePhrase, type Where } from '../../../core/engine/where.ts';
import './where.css';

interface ScreenPlace {
  timeline: Timeline;
  /** The room whose own screen this is; null for a screen of several rooms. */
  room: string | null;
}

const ScreenPlaceContext = createContext<ScreenPlace | null>(null);

export function WhereScope({ timeline, room, children }: ScreenPlace & { children: ReactNode }) {
  return <ScreenPlaceContext.Provider value={{ timeline, room }}>{children}</ScreenPlaceContext.Provider>;
}

function useWhere(slot: Slot): Where | undefined {
  const place = useContext(ScreenPlaceContext);
  return place ? whereOf(slot, place.room, place.timeline) : undefined;
}

/** The place's name in a list row ("Aurora Hall"), or nothing on the room's own screen. */
export function WhereName({ slot, className }: { slot: Slot; className?: string }) {
  const where = useWhere(slot);
  if (!where) return null;
  return (
    <span className={`where-name where-${where.kind} ${className ?? ''}`} data-text="secondary">
      {where.name}
    </span>
  );
}

/** Under an item in full: "now in Aurora Hall" in the Now panel, else "in Aurora Hall". */
export function WherePhrase({ slot, now = false, className }: { slot: Slot; now?: boolean; className?: string }) {
  const where = useWhere(slot);
  if (!where) return null;
  return (
    <p className={`where-name where-phrase ${className ?? ''}`} data-text="secondary">
      {wherePhrase(where, now)}
    </p>
  );
}
