/**
 * What the board tells the boot guard (guard.ts), which is a separate script: DOM events on `document`, since the
 * two share no module. `started` once the board's first render is on the page; `failed` (detail: the error's text)
 * when React lost the whole tree, so the guard says so and reloads.
 */
export const BOOT_STARTED = 'foyer:started';
export const BOOT_FAILED = 'foyer:failed';

export function signalStarted(): void {
  document.dispatchEvent(new Event(BOOT_STARTED));
}

export function signalFailed(error: unknown): void {
  document.dispatchEvent(new CustomEvent(BOOT_FAILED, { detail: errorText(error) }));
}

/** An error's one-line text: "TypeError: x is not a function". */
export function errorText(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
