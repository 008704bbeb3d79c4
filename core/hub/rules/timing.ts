/**
 * When a screen talks to its hub: reconnecting after the hub went away (back-off
 * with jitter, so that a hundred screens do not knock at the same moment when it
 * returns) and reporting a heartbeat (a fixed period with jitter). `random` is a
 * number in [0, 1), Math.random in the hosts, fixed in tests.
 */

/** First retry about a second after the connection dropped… */
export const RECONNECT_MIN_MS = 1_000;
/** …doubling up to this. */
export const RECONNECT_MAX_MS = 30_000;

/**
 * The wait before reconnect attempt `attempt` (0 for the first after a drop):
 * "equal jitter", half of the doubled wait fixed and half random, so the wait
 * grows for certain and screens still spread out.
 */
export function reconnectDelay(attempt: number, random: number): number {
  const ceiling = Math.min(RECONNECT_MAX_MS, RECONNECT_MIN_MS * 2 ** Math.min(attempt, 16));
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}

export const HEARTBEAT_MS = 30_000;
/** A heartbeat comes every 30 s ± 10 %. */
export const HEARTBEAT_JITTER = 0.1;

export function heartbeatDelay(random: number): number {
  return Math.round(HEARTBEAT_MS * (1 - HEARTBEAT_JITTER + 2 * HEARTBEAT_JITTER * random));
}

/** The first heartbeat goes soon after start (within 2 s), so a new screen is on the fleet page at once. */
export function firstHeartbeatDelay(random: number): number {
  return Math.round(500 + 1_500 * random);
}

/** A screen whose last heartbeat is older than this is flagged silent on the fleet page (three missed beats). */
export const SILENT_AFTER_MS = 90_000;

export function isSilent(lastSeen: number, now: number): boolean {
  return now - lastSeen > SILENT_AFTER_MS;
}

/**
 * Calls `beat` soon after start, then every HEARTBEAT_MS with jitter, until the
 * returned function is called. The one periodic timer a screen keeps.
 */
export function scheduleHeartbeats(beat: () => void, random: () => number = Math.random): () => void {
  let timer: ReturnType<typeof setTimeout>;
  const arm = (ms: number): void => {
    timer = setTimeout(() => {
      beat();
      arm(heartbeatDelay(random()));
    }, ms);
    (timer as { unref?: () => void }).unref?.();
  };
  arm(firstHeartbeatDelay(random()));
  return () => clearTimeout(timer);
}
