/**
 * Format detection and dispatch. Detection reads the content, never the file
 * name: a URL like /schedule/export often has no extension, and a .json may
 * be any of three formats.
 */
import { parseJsonText } from '../program/json-text.ts';
import { buildProgram, type Built } from './build.ts';
import { ImportError, type Draft } from './draft.ts';
import { importFrabXml, isFrabXml } from './frab-xml.ts';
import { importICalendar, isICalendar } from './ical.ts';
import { importPretalxWidget, isPretalxWidget } from './pretalx-widget.ts';
import { importScheduleJson, isScheduleJson } from './schedule-json.ts';

export { formatWarning, type ImportWarning } from './draft.ts';

export type Detected =
  { kind: 'foyer'; value: unknown } | { kind: 'import'; format: string; built: Built } | { kind: 'error'; message: string };

/** The text after an XML declaration and comments. (As one expression, `(<!--[\s\S]*?-->\s*)*` is exponential.) */
function afterProlog(head: string): string {
  let rest = head.replace(/^<\?xml[^>]*>/, '').trimStart();
  while (rest.startsWith('<!--')) {
    const end = rest.indexOf('-->', 4);
    if (end < 0) return '';
    rest = rest.slice(end + 3).trimStart();
  }
  return rest;
}

function isHtml(head: string): boolean {
  return (
    /^<!doctype html/i.test(head) || /^<html[\s>]/i.test(afterProlog(head)) || /<(head|body)[\s>]/i.test(head.slice(0, 2000))
  );
}

function looksLikeFoyer(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return ['version', 'event', 'rooms', 'items', '$schema'].some((key) => key in value);
}

const EXPECTED =
  "Foyer's program JSON, a frab/pentabarf schedule.xml, a schedule.json (frab, pretalx, c3voc), pretalx widget JSON or an iCalendar (.ics) file";

/**
 * The one place an importer's failure becomes a message: an ImportError says
 * what is wrong in the organiser's terms; anything else thrown by a parser or
 * a library (a bug, or input nobody foresaw) is still a refusal, never a crash.
 */
function run(draft: () => Draft): Detected {
  try {
    const d = draft();
    return { kind: 'import', format: d.format, built: buildProgram(d) };
  } catch (error) {
    return { kind: 'error', message: importFailure(error) };
  }
}

export function importFailure(error: unknown): string {
  if (error instanceof ImportError) return error.message;
  if (error instanceof RangeError && /call stack/i.test(error.message)) return 'nested too deeply to be a schedule';
  const message = error instanceof Error ? error.message : String(error);
  return `could not be read (${message.split('\n')[0]!.slice(0, 200)})`;
}

export function detectAndImport(raw: string, timezone: string | undefined): Detected {
  const text = raw.replace(/^\uFEFF/, '');
  const head = text.trimStart();
  if (head === '') return { kind: 'error', message: 'the file is empty' };
  if (head.startsWith('{') || head.startsWith('[')) {
    const json = parseJsonText(text);
    if (!json.ok)
      return { kind: 'error', message: `not valid JSON at line ${json.line}, column ${json.column}: ${json.message}` };
    if (isScheduleJson(json.value)) return run(() => importScheduleJson(json.value, timezone));
    if (isPretalxWidget(json.value)) return run(() => importPretalxWidget(json.value as Record<string, unknown>, timezone));
    if (looksLikeFoyer(json.value)) return { kind: 'foyer', value: json.value };
    return { kind: 'error', message: `JSON, but not a program or a schedule this reads (expected ${EXPECTED})` };
  }
  if (head.startsWith('<')) {
    if (isHtml(head.slice(0, 4000)) && !isFrabXml(head)) {
      return {
        kind: 'error',
        message:
          'is a web page (HTML), not a schedule: use the export itself, e.g. …/schedule.xml, …/schedule.json or …/schedule.ics',
      };
    }
    if (isFrabXml(head)) return run(() => importFrabXml(text, timezone));
    return { kind: 'error', message: 'XML, but not a frab/pentabarf schedule (no <schedule> element)' };
  }
  if (isICalendar(head)) return run(() => importICalendar(text, timezone));
  return { kind: 'error', message: `not a format Foyer reads (expected ${EXPECTED})` };
}
