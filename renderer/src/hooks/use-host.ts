/** The program and the screen state as the host reports them. */
import { useEffect, useState } from 'react';
import type { FoyerHost, ProgramUpdate } from '../../../core/host-contract.ts';
import type { ScreenState } from '../../../core/screen/state.ts';

/** The program and its status; a new status alone keeps the program object, so nothing compiled from it is redone. */
export function useProgram(host: FoyerHost): ProgramUpdate | null {
  // What the host already has, in the first render: a page that came with its first board keeps it on screen.
  const [update, setUpdate] = useState<ProgramUpdate | null>(() => firstValue(host.onProgram));
  useEffect(() => {
    const stopProgram = host.onProgram(setUpdate);
    const stopStatus = host.onStatus((status) => setUpdate((last) => (last === null ? null : { ...last, status })));
    return () => {
      stopProgram();
      stopStatus();
    };
  }, [host]);
  return update;
}

export function useScreenState(host: FoyerHost): ScreenState | null {
  const [state, setState] = useState<ScreenState | null>(() => firstValue(host.onState));
  useEffect(() => host.onState(setState), [host]);
  return state;
}

/** The value a host's subscription hands over at once (its current one), or null. */
function firstValue<T>(subscribe: (listener: (value: T) => void) => () => void): T | null {
  let value: T | null = null;
  subscribe((v) => (value = v))();
  return value;
}
