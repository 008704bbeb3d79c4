/**
 * What the hub says to staff (a change it made, a request it refused) as data: a staff catalogue key and its values,
 * so that a staff page says it in its own language (core/i18n/staff.ts sayStaff) while the hub's log, its audit
 * file and the API's `error` keep the English sentence made from the same key (english()). A value is text taken as
 * it is (a room's name, a field's path, a time), a number, a list, or a sentence of its own (a room status, a place).
 */
import { hhmmAt } from '../time.ts';
import { hubEn } from './catalogues/staff/hub-en.ts';

export type SaidValue = string | number | Said | SaidList | SaidTime | SaidDay;

/** A time of day in the event's zone: a page shows it in its clock (14:05 or 2:05 PM); English logs say 14:05. */
export interface SaidTime {
  at: number;
  zone: string;
}

/** A conference day (an ISO date): a page writes it as its language writes a day ("Mi., 6. Mai"); logs keep the date. */
export interface SaidDay {
  day: string;
}

/** Items said as one list in the page's language: "A, B and C" (`or`: "A, B or C"). */
export interface SaidList {
  list: readonly string[];
  or?: boolean;
}

export interface Said {
  /** A key of the hub's sentences (catalogues/staff/hub-en.ts: "audit.delay"), as any staff catalogue has it. */
  key: string;
  vars?: Readonly<Record<string, SaidValue>>;
}

export type HubKey = keyof typeof hubEn;

export const said = (key: HubKey, vars?: Record<string, SaidValue>): Said => (vars ? { key, vars } : { key });

export const isList = (value: SaidValue): value is SaidList => typeof value === 'object' && 'list' in value;
export const isTime = (value: SaidValue): value is SaidTime => typeof value === 'object' && 'at' in value;
export const isDay = (value: SaidValue): value is SaidDay => typeof value === 'object' && 'day' in value;

/** "a, b and c" as English says it (no serial comma: the hub's sentences always read so). */
function englishList(items: readonly string[], or: boolean): string {
  if (items.length < 2) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${or ? 'or' : 'and'} ${items[items.length - 1]!}`;
}

/** The sentence in English: for the hub's log, its audit file and the API's `error`. */
export function english(s: Said): string {
  const text = (hubEn as Readonly<Record<string, string>>)[s.key] ?? s.key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = s.vars?.[name];
    if (value === undefined) return whole;
    if (typeof value === 'string') return value;
    if (typeof value === 'number') return String(value);
    if (isList(value)) return englishList(value.list, value.or === true);
    if (isTime(value)) return hhmmAt(value.at, value.zone);
    if (isDay(value)) return value.day;
    return english(value);
  });
}

/** A sentence the hub refused something with: the English `error` of the API, and the same as data. */
export interface Refusal {
  error: string;
  said: Said;
}

export const refusal = (s: Said): Refusal => ({ error: english(s), said: s });
