/** The staff's keyboard reference, from the same table as the keymap. */
import { HOTKEYS } from '../../../../core/screen/keymap.ts';
import './overlays.css';

export function HelpDialog() {
  return (
    <dialog open className="overlay help-dialog" aria-labelledby="help-title">
      <h2 id="help-title">Keyboard shortcuts</h2>
      <table>
        <tbody>
          {HOTKEYS.map((row) => (
            <tr key={row.keys}>
              <th scope="row">
                <kbd>{row.keys}</kbd>
              </th>
              <td>{row.action}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </dialog>
  );
}

export function QuitDialog() {
  return (
    <dialog open className="overlay quit-dialog" aria-labelledby="quit-title">
      <h2 id="quit-title">Quit Foyer?</h2>
      <p>
        Press <kbd>Y</kbd> to quit, any other key to stay.
      </p>
    </dialog>
  );
}
