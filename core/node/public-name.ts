/**
 * How a program source is named wherever it is published: on screens (status
 * line, identify, error badges), in /api/program and in logs. A URL may carry a
 * token (`?api_token=…`, `https://user:secret@…`) and a path may tell more about
 * the machine than staff need, so neither is shown whole.
 */
import { basename } from 'node:path';
import { isHttpUrl } from '../url.ts';

/** A URL without user-info, query or fragment (`?…` marks that a query was there); anything else is a file: its name. */
export function publicName(location: string): string {
  if (!isHttpUrl(location)) return basename(location) || location;
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    return 'the program URL';
  }
  return `${url.protocol}//${url.host}${url.pathname}${url.search ? '?…' : ''}`;
}
