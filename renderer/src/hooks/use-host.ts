/** The program and the screen state as the host reports them. */
import { useEffect, useState } from 'react';
import type { FoyerHost, ProgramUpdate } from '../../../core/contract.ts';
import type { ScreenState } from '../../../core/screen/state.ts';

export function useProgram(host: FoyerHost): ProgramUpdate | null {
  const [update, setUpdate] = useState<ProgramUpdate | null>(null);
  useEffect(() => host.onProgram(setUpdate), [host]);
  return update;
}

export function useScreenState(host: FoyerHost): ScreenState | null {
  const [state, setState] = useState<ScreenState | null>(null);
  useEffect(() => host.onState(setState), [host]);
  return state;
}
