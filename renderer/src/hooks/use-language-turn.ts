/**
 * Which of the screen's languages is shown now (core/i18n/alternation.ts): one timer, set for the next turn on the
 * screen's clock and set again when it fires. No polling and no render between turns; none at all for one language
 * or a frozen clock.
 */
import { useEffect, useState } from 'react';
import { languageTurn, nextTurnAt } from '../../../core/i18n/alternation.ts';
import type { ScreenClock } from '../../../core/screen/clock.ts';

export function useLanguageTurn(count: number, clock: ScreenClock | null, offset: number): number {
  const read = (): number => (clock === null ? 0 : languageTurn(clock.read(Date.now(), offset), count));
  const [turn, setTurn] = useState(read);
  useEffect(() => {
    if (clock === null || count < 2) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = (): void => {
      const now = clock.read(Date.now(), offset);
      setTurn(languageTurn(now, count));
      const wait = clock.realDelay(nextTurnAt(now) - now);
      // A frozen clock (speed 0) never reaches the next turn.
      if (Number.isFinite(wait)) timer = setTimeout(arm, Math.max(wait, 1));
    };
    arm();
    return () => clearTimeout(timer);
  }, [clock, count, offset]);
  return clock === null || count < 2 ? 0 : turn % count;
}
