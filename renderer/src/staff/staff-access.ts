/**
 * What the hub's staff pages (fleet, control) share: the staff token and the requests that carry it. The token comes
 * from `#staff=TOKEN` (taken out of the address at once, also when pasted onto the open page) or from the form, and is
 * kept for this origin as a staff board keeps it. A request the hub does not answer in time fails, as does a network
 * error: a page never waits for ever. A refused token is forgotten and the form shown again.
 */
import { forgetStaffToken, takeStaffToken } from '../host/staff-token.ts';
import { st } from '../../../core/i18n/staff.ts';
import { h } from './dom.ts';

/** A request the hub does not answer in this time counts as the hub not answering. */
const TIMEOUT_MS = 8_000;

export interface StaffAccess {
  /** "Staff token" and its field, for the page to place; shown by `needToken`, hidden by the page once connected. */
  readonly form: HTMLFormElement;
  /** A request with the token; null when there is none or the hub refused it (the page was told through needToken). */
  call(path: string, init?: RequestInit): Promise<Response | null>;
  /** Says the form's words again, in the page's language now. */
  relabel(): void;
}

export function staffAccess(options: {
  /** "This page needs the staff token: …", in the page's language. */
  askToken: () => string;
  /** The page has no usable token: say `message` and show the form. */
  needToken: (message: string) => void;
  /** A new token came (form or address): read the hub again. */
  refresh: () => void;
}): StaffAccess {
  const storage = (() => {
    try {
      return window.localStorage;
    } catch {
      return null;
    }
  })();
  const fromAddress = () =>
    takeStaffToken({
      hash: location.hash,
      storage,
      clearFragment: () => history.replaceState(history.state, '', location.pathname + location.search),
    });
  let token = fromAddress();
  // Pasting …#staff=TOKEN onto the open page changes only its fragment: no reload, so read it here.
  window.addEventListener('hashchange', () => {
    token = fromAddress();
    options.refresh();
  });

  const label = h('label', { for: 'token' });
  const open = h('button', { type: 'submit' });
  const relabel = (): void => {
    label.textContent = st('staff.token');
    open.textContent = st('staff.open');
  };
  relabel();
  const form = h(
    'form',
    { class: 'token-form', hidden: '' },
    label,
    h('input', { id: 'token', type: 'password', autocomplete: 'off', required: '' }),
    open,
  ) as HTMLFormElement;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const input = form.querySelector('input')!;
    token = takeStaffToken({ hash: `#staff=${encodeURIComponent(input.value)}`, storage, clearFragment: () => {} });
    input.value = '';
    options.refresh();
  });

  const needToken = (message: string): void => {
    form.hidden = false;
    options.needToken(message);
  };

  async function call(path: string, init: RequestInit = {}): Promise<Response | null> {
    if (token === null) {
      needToken(options.askToken());
      return null;
    }
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), TIMEOUT_MS);
    try {
      const response = await fetch(path, {
        ...init,
        signal: abort.signal,
        headers: { ...init.headers, authorization: `Bearer ${token}` },
      });
      if (response.status === 401) {
        forgetStaffToken(storage);
        token = null;
        needToken(st('staff.tokenRefused'));
        return null;
      }
      return response;
    } finally {
      clearTimeout(timer);
    }
  }

  return { form, call, relabel };
}
