/** The staff's keyboard reference, from the same table as the keymap. */
import { t } from '../../../../core/i18n/index.ts';
import { HOTKEYS } from '../../../../core/screen/keymap.ts';
import './overlays.css';

export function HelpDialog() {
  return (
    <dialog open className="overlay help-dialog" aria-labelledby="help-title">
      <h2 id="help-title">{t('help.title')}</h2>
      <table>
        <tbody>
          {HOTKEYS.map((row) => (
            <tr key={row.keys}>
              <th scope="row">
                <kbd>{row.keys}</kbd>
              </th>
              <td>{t(row.action)}</td>
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
      <h2 id="quit-title">{t('help.quit')}</h2>
      <p>{t('help.quitKeys')}</p>
    </dialog>
  );
}
