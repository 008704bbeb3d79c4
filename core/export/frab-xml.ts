/**
 * A Foyer program as a frab / pentabarf `schedule.xml`, the format attendee
 * apps (Giggity, EventFahrplan, Fosdem companion apps) poll: conference, then
 * days, then rooms, then events with a `<date>` carrying the offset, the wall
 * `<start>` and a `<duration>`. The hub serves it with the day's delays
 * applied (core/hub/rules/feed.ts), so the apps show the real times.
 *
 * Events get a stable id and guid derived from the Foyer item id, so an app
 * keeps an attendee's favourites across updates. Items for every room are
 * written in a room without a name (frab has no "everywhere"), items at a
 * venue in a room named after the venue. frab has no "cancelled": a cancelled
 * item is left out (the iCalendar export marks it STATUS:CANCELLED instead).
 */
import { DateTime } from 'luxon';
import { compileTimeline, type Slot } from '../engine/timeline.ts';
import type { Program } from '../program/schema.ts';
import { hhmmOfMinutes } from '../time.ts';

export interface FrabXmlOptions {
  /** `<version>`: apps compare it to see that something changed. */
  version: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

function escapeXml(text: string): string {
  // Characters XML 1.0 cannot carry at all are dropped.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** 32 bits of FNV-1a, twice over with different seeds, for ids that stay the same for the same item. */
function hash32(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function guidOf(id: string): string {
  const hex = [0x811c9dc5, 0x050c5d1f, 0x1b873593, 0x5bd1e995].map((s) => hash32(id, s).toString(16).padStart(8, '0')).join('');
  // Shaped as a version 5 UUID (name-based): frab's guids are UUIDs.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const el = (name: string, value: string | undefined, indent: string): string =>
  value === undefined ? '' : `${indent}<${name}>${escapeXml(value)}</${name}>\n`;

function eventXml(slot: Slot, roomName: string, zone: string): string {
  const { item } = slot;
  const start = DateTime.fromMillis(slot.start, { zone });
  // An open-ended item (a dinner) has no duration in the program; 00:00 says so to a frab reader.
  const minutes = slot.openEnded ? 0 : Math.max(0, Math.round((slot.end - slot.start) / 60_000));
  const i = '        ';
  let xml = `      <event guid="${guidOf(item.id)}" id="${hash32(item.id, 0x811c9dc5) % 2_000_000_000}">\n`;
  xml += el('date', start.toISO({ suppressMilliseconds: true })!, i);
  xml += el('start', start.toFormat('HH:mm'), i);
  xml += el('duration', hhmmOfMinutes(minutes), i);
  xml += el('room', roomName, i);
  xml += el('slug', item.id, i);
  xml += el('title', item.title ?? 'To be announced', i);
  xml += el('subtitle', item.subtitle, i);
  xml += el('track', item.track, i);
  xml += el('type', item.kind, i);
  xml += el('abstract', item.abstract, i);
  xml += el('description', item.notes, i);
  xml += `${i}<persons>\n`;
  (item.speakers ?? []).forEach((s, n) => {
    xml += `${i}  <person id="${hash32(`${item.id}/${n}/${s.name}`, 0x1b873593) % 2_000_000_000}">${escapeXml(s.name)}</person>\n`;
  });
  xml += `${i}</persons>\n${i}<links/>\n      </event>\n`;
  return xml;
}

export function programToFrabXml(program: Program, options: FrabXmlOptions): string {
  const { event } = program;
  const zone = event.timezone;
  const timeline = compileTimeline(program);
  const venueName = new Map(event.venues.map((v) => [v.id, v.name]));
  const roomsInOrder = timeline.rooms.map((r) => r.name);
  const roomOf = (slot: Slot): string =>
    slot.room?.name ?? (slot.item.venue !== undefined ? (venueName.get(slot.item.venue) ?? '') : '');

  let xml = '<?xml version="1.0" encoding="UTF-8"?>\n<schedule>\n';
  xml += el('generator', 'Foyer', '  ');
  xml += el('version', options.version, '  ');
  xml += '  <conference>\n';
  xml += el('title', event.name, '    ');
  xml += el('acronym', event.shortName, '    ');
  xml += el('start', event.startDate, '    ');
  xml += el('end', event.endDate, '    ');
  xml += el('days', String(timeline.days.length), '    ');
  xml += el('timeslot_duration', '00:05', '    ');
  xml += el('time_zone_name', zone, '    ');
  xml += el('day_change', event.dayStartsAt, '    ');
  xml += el('base_url', event.url, '    ');
  xml += '  </conference>\n';
  timeline.days.forEach((day, index) => {
    const bounds = timeline.dayBounds.find((b) => b.day === day)!;
    const iso = (ms: number) => DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true })!;
    xml += `  <day index="${index + 1}" date="${day}" start="${iso(bounds.start)}" end="${iso(bounds.end)}">\n`;
    // What takes place: a cancelled item is left out, a moved one is written at its new place.
    const slots = timeline.slots.filter((s) => s.day === day && s.takesPlace);
    const names = [...new Set(slots.map(roomOf))].sort((a, b) => {
      const ra = roomsInOrder.indexOf(a);
      const rb = roomsInOrder.indexOf(b);
      return (ra === -1 ? 1e9 : ra) - (rb === -1 ? 1e9 : rb) || a.localeCompare(b);
    });
    for (const name of names) {
      xml += `    <room name="${escapeXml(name)}">\n`;
      for (const slot of slots) if (roomOf(slot) === name) xml += eventXml(slot, name, zone);
      xml += '    </room>\n';
    }
    xml += '  </day>\n';
  });
  return `${xml}</schedule>\n`;
}
