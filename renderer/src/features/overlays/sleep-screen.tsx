/** Outside the program's hours: black, nothing else (a staff key wakes the screen for 10 minutes). */
import './overlays.css';

export function SleepScreen() {
  return <div className="sleep-screen" role="img" aria-label="Screen asleep outside the program’s hours" />;
}
